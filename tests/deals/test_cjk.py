"""Deal headlines in Chinese, Japanese and Korean (`deals._cjk`): the names are read by where
those headlines put them (no capitals), kept in their own script, with amounts in their
scales ("億円", "억", "亿元"); a name in another script has a slug of its own, and a
report's facts that name one are left to its words by the story clusterer."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, slugify
from aggregator.models import EventFacts
from tests.deals._reading import GAZ


@pytest.mark.parametrize(
    ("title", "kind", "status", "parties", "amount"),
    [
        (
            "鷹野電機、大阪の画像認識AI企業「桜庭ビジョン」を320億円で買収へ",
            "acquisition",
            "announced",
            [("鷹野電機", "acquirer"), ("桜庭ビジョン", "target")],
            (3.2e10, "JPY"),
        ),
        (
            "鷹野電機、AI新興の霧島ラボに80億円出資",
            "investment",
            "announced",
            [("鷹野電機", "investor"), ("霧島ラボ", "target")],
            (8e9, "JPY"),
        ),
        (
            "AI新興の霧島知能、東証グロースに上場へ　調達額150億円規模",
            "ipo",
            "announced",
            [("霧島知能", "issuer")],
            (1.5e10, "JPY"),
        ),
        # a tie-up; a capital tie-up is a stake; a subsidiary made is a purchase
        (
            "鷹野電機、AI音声スタートアップの霧島ボイスと提携",
            "partnership",
            "announced",
            [("鷹野電機", "partner"), ("霧島ボイス", "partner")],
            None,
        ),
        (
            "鷹野電機、米Quorvane AIと資本業務提携　約30億円を出資",
            "investment",
            "announced",
            [("鷹野電機", "investor"), ("Quorvane AI", "target")],
            (3e9, "JPY"),
        ),
        (
            "鷹野電機、AI創薬の霧島バイオを子会社化　約200億円",
            "acquisition",
            "announced",
            [("鷹野電機", "acquirer"), ("霧島バイオ", "target")],
            (2e10, "JPY"),
        ),
        (
            "한빛전자, 네덜란드 AI 반도체 기업 바람텍 인수",
            "acquisition",
            "announced",
            [("한빛전자", "acquirer"), ("바람텍", "target")],
            None,
        ),
        (
            "AI 스타트업 새솔, 400억 시리즈B 유치…한강벤처스 주도",
            "funding",
            "announced",
            [("새솔", "target"), ("한강벤처스", "investor")],
            (4e10, "KRW"),
        ),
        (
            "36氪首发｜AI编程公司「云帆科技」完成3亿元A轮融资，青松资本领投",
            "funding",
            "completed",
            [("云帆科技", "target"), ("青松资本", "investor")],
            (3e8, "CNY"),
        ),
        (
            "青松集团否认将收购AI公司「云帆科技」",
            "acquisition",
            "denied",
            [("青松集团", "acquirer"), ("云帆科技", "target")],
            None,
        ),
        (
            "青松集团与远山汽车成立智能驾驶合资公司",
            "joint-venture",
            "announced",
            [("青松集团", "partner"), ("远山汽车", "partner")],
            None,
        ),
        (
            "星岳科技港股上市首日大涨12%",
            "ipo",
            "completed",
            [("星岳科技", "issuer")],
            None,
        ),
    ],
)
def test_a_cjk_headline_names_its_parties_where_it_puts_them(
    title: str,
    kind: str,
    status: str,
    parties: list[tuple[str, str]],
    amount: tuple[float, str] | None,
) -> None:
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and (deal.type, deal.status) == (kind, status), deal
    assert [(p.name, p.role) for p in deal.parties] == parties
    got = (deal.amount.value, deal.amount.currency) if deal.amount else None
    assert got == amount


@pytest.mark.parametrize(
    "title",
    [
        "鷹野電機、1兆円の自社株買い発表",
        "한빛전자 주가, AI 반도체 기대감에 상승",
        "云帆科技发布开源多模态模型云帆-3",
        "生成AI導入企業の6割「効果を実感できず」、本社調査",
    ],
)
def test_cjk_news_that_is_no_deal(title: str) -> None:
    assert classify(title, "", gazetteer=GAZ) is None


def test_the_amount_comes_from_the_summary_when_the_headline_has_none() -> None:
    deal = classify(
        "한빛전자, 네덜란드 AI 반도체 기업 바람텍 인수",
        "한빛전자가 네덜란드 바람텍을 9억 유로에 인수한다.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (9e8, "EUR")


def test_a_description_in_the_headline_is_named_by_the_summary() -> None:
    """ "米AI企業" (a US AI company) is no name: the one Latin-script name of the summary's
    first sentence is; a description the summary does not name is no deal."""
    deal = classify(
        "鷹野電機、米AI企業の買収報道を否定",
        "鷹野電機は、米AIスタートアップのQuorvaneを買収するとの一部報道について否定した。",
        gazetteer=GAZ,
    )
    assert deal is not None and (deal.type, deal.status) == ("acquisition", "denied")
    assert [(p.name, p.role) for p in deal.parties] == [
        ("鷹野電機", "acquirer"),
        ("Quorvane", "target"),
    ]
    deal = classify("鷹野電機、米AI半導体新興に1000億円出資へ", "", gazetteer=GAZ)
    assert deal is None or all(p.name != "米AI半導体新興" for p in deal.parties)


def test_a_name_in_another_script_has_a_slug_of_its_own() -> None:
    slugs = {slugify(n) for n in ("鷹野電機", "桜庭ビジョン", "한빛전자", "鷹野電機G")}
    assert len(slugs) == 4 and all(s.startswith("u-") for s in slugs)
    assert slugify("鷹野電機") == slugify("鷹野電機")  # stable
    assert slugify("Sakana AI") == "sakana-ai"


def test_facts_naming_another_script_are_left_to_the_words() -> None:
    deal = classify("鷹野電機、AI新興の霧島ラボに80億円出資", "", gazetteer=GAZ)
    assert deal is not None and EventFacts.of(deal) is None
    english = classify("Takano Electric to invest in Kirishima Labs", "", gazetteer=GAZ)
    assert EventFacts.of(english) is not None
