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


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a variant launched days after its flagship: the flagship's launch is another's
        (
            "Introducing Pellucid 2 Flash",
            "Tessara's Pellucid 2 Flash undercuts rivals on price, three days after its "
            "flagship launch",
        ),
        # a product presented by name alone is a launch
        ("Announcing Quorvane.3", "Tessara releases Quorvane.3 with open weights"),
        # "down again" is an outage
        ("Quillmate is down again", "Quillmate down again — here's what we know"),
        # another language's regulator and sanction words; its articles and institutions
        # are no subject
        (
            "EU opens antitrust investigation into Tessara over bundling",
            "EU-Kommission leitet Kartellverfahren gegen Tessara ein",
        ),
    ],
)
def test_more_ways_of_telling_one_event(first: str, second: str) -> None:
    assert stories(first, second) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a pricing post two days after a launch stays apart from the launch
        ("Tessara launches Strata 4", "Tessara halves Strata 4 API prices two days after launch"),
        ("Announcing Quorvane.3", "Announcing Quorvane.3 Mini"),
    ],
)
def test_what_follows_a_launch_stays_apart(first: str, second: str) -> None:
    assert stories(first, second) == 2


def test_a_spanish_article_and_a_government_are_no_subject() -> None:
    feats = features("El Gobierno aprueba multas de hasta 35 millones por no etiquetar la IA", "")
    assert "el" not in feats.names and "gobierno" not in feats.names
    assert "legal" in feats.events


@pytest.mark.parametrize(
    ("native", "english"),
    [
        (
            "구글, 차세대 AI 모델 '제미나이 4' 공개",
            "Google announces Gemini 4 at its developer conference",
        ),
        ("LG AI연구원, 엑사원 5.0 공개", "EXAONE 5.0 32B released by LG AI Research"),
    ],
)
def test_a_model_in_its_own_script_is_the_model_english_names(native: str, english: str) -> None:
    assert stories(native, english) == 1


def test_an_all_caps_wire_headline_names_its_subject() -> None:
    feats = features("QUORLANE SEMICONDUCTOR Q4 REVENUE $6.80 BLN VS. $6.45 BLN EST.", "")
    assert feats.names == ("quorlan", "semiconductor")
    assert (
        stories(
            "Quorlane Reports Fourth Quarter and Fiscal 2026 Financial Results",
            "QUORLANE SEMICONDUCTOR Q4 REVENUE $6.80 BLN VS. $6.45 BLN EST.",
        )
        == 1
    )
    # another company's results the same evening stay apart
    assert (
        stories(
            "Quorlane Reports Fourth Quarter and Fiscal 2026 Financial Results",
            "TESSARA CORP Q4 REVENUE $2.10 BLN VS. $2.05 BLN EST.",
        )
        == 2
    )


def test_results_words_in_other_scripts_and_a_backlog_are_results() -> None:
    assert "results" in features("米AMD、1～3月期は38%増収 AI向け半導体が好調", "").events
    assert "results" in features("Tessara stock jumps 12% as backlog tops $600 billion", "").events
