"""The classes `story_events_dev12.jsonl` showed: a report in Korean, Japanese or Chinese
names a company in its own script ("삼성전자", "サカナAI", "百度"), the same company its
English reports name (`stories._lexicon.NATIVE_NAMES`), and Korean launch, purchase and
funding words are event words as Chinese and Japanese ones were."""

from __future__ import annotations

import pytest

from aggregator.stories._text import features

from .test_events import stories


@pytest.mark.parametrize(
    ("native", "english"),
    [
        (
            "삼성전자, 엔비디아 HBM4 품질 테스트 통과",
            "Samsung's HBM4 chips pass Nvidia qualification tests",
        ),
        ("サカナAI、400億円調達 企業価値は4000億円超", "Tokyo's Sakana AI raises $260 million"),
        ("百度发布文心大模型6 推理成本下降80%", "Baidu launches Ernie 6 model, cuts prices"),
    ],
)
def test_a_company_in_its_own_script_is_the_company_english_names(
    native: str, english: str
) -> None:
    assert stories(native, english) == 1


@pytest.mark.parametrize(
    ("native", "english"),
    [
        # another company of the same field, the same week
        (
            "SK하이닉스, 엔비디아 HBM4E 물량 절반 이상 확보",
            "Samsung's HBM4 chips pass Nvidia qualification tests",
        ),
        ("腾讯发布混元大模型3", "Baidu launches Ernie 6 model, cuts prices"),
    ],
)
def test_another_company_in_another_script_stays_apart(native: str, english: str) -> None:
    assert stories(native, english) == 2


def test_native_names_and_korean_event_words_are_read() -> None:
    feats = features("네이버, 차세대 AI 'HyperCLOVA X 2' 공개", "")
    assert "naver" in feats.names
    assert "launch" in feats.events
    assert "samsung" in features("삼성전자·네이버, AI 반도체 합작법인 설립", "").names
