"""Company and investor pages: the profile read from a company's deals, the timeline,
the portfolio, and pages rewritten only when their own stories change."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from lxml import html

from aggregator.models import Deal, Money, Party, PartyDeal
from aggregator.publish._profile import profile_of
from tests.fake_reader import T0, FakeReader, investment, publish, story


def _deal(
    n: int,
    kind: str,
    parties: list[tuple[str, str, bool]],
    value: float | None = None,
    valuation: float | None = None,
    round_: str | None = None,
) -> PartyDeal:
    deal = Deal(
        type=kind,
        status="announced",
        amount=Money(value, "USD", usd=value) if value is not None else None,
        valuation=Money(valuation, "USD") if valuation is not None else None,
        round=round_,
        parties=tuple(Party(name.title(), role, name, lead) for name, role, lead in parties),
    )
    return PartyDeal(n, T0 + timedelta(days=n), deal, f"Story {n}", f"https://x.example/{n}")


HISTORY = [
    _deal(
        1, "funding", [("lumora", "target", False), ("harbor", "investor", True)], 5e6, None, "seed"
    ),
    _deal(
        2,
        "funding",
        [("lumora", "target", False), ("harbor", "investor", False), ("north", "investor", True)],
        6e8,
        7.5e9,
        "series-c",
    ),
    _deal(3, "acquisition", [("lumora", "acquirer", False), ("quiver", "target", False)], 1.2e9),
    _deal(4, "partnership", [("lumora", "partner", False), ("cloud", "partner", False)], 4e9),
    _deal(5, "investment", [("lumora", "investor", True), ("tiny", "target", False)], 1e6),
    _deal(6, "acquisition", [("giant", "acquirer", False), ("lumora", "target", False)]),
    _deal(7, "ipo", [("lumora", "issuer", False)], 9e8),
]


def test_the_profile_of_a_company() -> None:
    profile = profile_of("lumora", HISTORY)
    assert profile.raised_usd == 5e6 + 6e8 + 9e8  # rounds and the IPO; not its investment
    assert profile.raised_rounds == 3
    assert profile.last_round is not None and profile.last_round.id == 2
    assert profile.ipo is not None and profile.ipo.id == 7
    assert profile.valuation is not None and profile.valuation[0].value == 7.5e9
    assert [(i.slug, i.lead, i.deals) for i in profile.investors] == [
        ("harbor", True, 2),
        ("north", True, 1),
    ]
    assert [a.slug for a in profile.acquired] == ["quiver"]
    assert [a.slug for a in profile.acquired_by] == ["giant"]
    assert [p.slug for p in profile.partners] == ["cloud"]
    assert [d.id for d in profile.portfolio] == [5]
    assert (profile.first, profile.latest) == (HISTORY[0].announced, HISTORY[-1].announced)
    empty = profile_of("nobody", [])
    assert (empty.raised_usd, empty.last_round, empty.investors, empty.first) == (
        0.0,
        None,
        (),
        None,
    )


def _reader() -> FakeReader:
    reader = FakeReader()
    for item in HISTORY:
        reader.add(
            replace(
                story(item.id, deal=item.deal, title=item.title),
                published=item.announced,
                updated=item.announced,
            )
        )
    reader.add(story(8, deal=investment("Harbor", "Other")))
    return reader


def test_company_page_shows_profile_timeline_and_stories(tmp_path: Path) -> None:
    publish(_reader(), tmp_path, feed_size=10)
    doc = html.fromstring((tmp_path / "companies/lumora.html").read_bytes())
    facts = {
        dt.text_content(): dd.text_content()
        for dt, dd in zip(doc.xpath("//dl/dt"), doc.xpath("//dl/dd"))
    }
    assert facts["Total disclosed raised"] == "$1.5B in 3 deals"
    assert facts["Last round"] == "Series C · $600M · 2026-01-07"
    assert facts["Last valuation"] == "$7.5B (2026-01-07)"
    assert facts["Investors"] == "Harbor (lead, 2 deals), North (lead)"
    assert facts["Acquisitions made"] == "Quiver" and facts["Acquired by"] == "Giant"
    assert facts["Partners"] == "Cloud" and facts["Invests in"] == "1 deal"
    assert doc.xpath("//dl/dd/a/@href")[:2] == ["harbor.html", "north.html"]
    timeline = doc.xpath("//ol[@class='timeline']/li")
    assert len(timeline) == 7  # every deal, newest first
    assert timeline[0].text_content().startswith("2026-01-12 · ipo · $900M")
    assert timeline[-1].xpath(".//a/@href")[-1] == "https://wire.example/news/10"
    assert len(doc.xpath("//table[contains(@class, 'deals')]/tbody/tr")) == 7
    assert "From its latest" not in doc.text_content()


def test_investor_page_lists_the_portfolio(tmp_path: Path) -> None:
    publish(_reader(), tmp_path, feed_size=10)
    doc = html.fromstring((tmp_path / "investors/harbor.html").read_bytes())
    rows = doc.xpath("//table[not(contains(@class, 'deals'))]/tbody/tr")
    assert [r.xpath("td[2]")[0].text_content() for r in rows] == [
        "Lumora (target)",
        "Lumora (target)",
        "Other (target)",
    ]  # newest first
    assert [r.xpath("td[5]")[0].text_content() for r in rows] == ["", "lead", ""]
    assert doc.xpath("//p/a[text()='Harbor']/@href") == ["../companies/harbor.html"]
    assert doc.xpath("//head/link[@type='application/atom+xml']/@href") == ["harbor.atom"]
    assert (tmp_path / "investors/harbor.atom").is_file()
    lumora = html.fromstring((tmp_path / "investors/lumora.html").read_bytes())
    assert [
        r.xpath("td[2]")[0].text_content()
        for r in lumora.xpath("//table[not(contains(@class, 'deals'))]/tbody/tr")
    ] == ["Tiny (target)"]


def test_pages_are_rewritten_only_when_their_stories_change(tmp_path: Path) -> None:
    reader = _reader()
    publish(reader, tmp_path, feed_size=3)
    again = publish(reader, tmp_path, feed_size=3)
    assert again.written == ()
    reader.add(story(9, deal=investment("North", "Newco")))
    report = publish(reader, tmp_path, feed_size=3)
    pages = {p for p in report.written if p.endswith(".html")}
    assert pages == {
        "index.html",
        "deals/by-amount.html",
        "deals/investment.html",
        "deals/investment.by-amount.html",
        "companies/north.html",
        "companies/newco.html",
        "investors/north.html",
    }


def test_a_long_history_is_read_from_the_feeds_newest_deals(tmp_path: Path) -> None:
    publish(_reader(), tmp_path, feed_size=4)
    doc = html.fromstring((tmp_path / "companies/lumora.html").read_bytes())
    assert doc.xpath("//header/p")[1].text_content() == "7 deals."
    assert "From its latest 4 deals of 7." in doc.text_content()
    assert len(doc.xpath("//ol[@class='timeline']/li")) == 4
    assert "And 3 older deals (in the feed's archive)." in doc.text_content()
    facts = {
        dt.text_content(): dd.text_content()
        for dt, dd in zip(doc.xpath("//dl/dt"), doc.xpath("//dl/dd"))
    }
    assert facts["Total disclosed raised"] == "$900M in 1 deal"  # only the IPO is in it
