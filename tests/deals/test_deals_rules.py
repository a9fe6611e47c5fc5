"""Tag rules, curation rules and the one-line deal format."""

from __future__ import annotations

import pytest

from aggregator.deals import (
    classify,
    compile_tag_rules,
    format_deal_line,
    is_curated,
    load_gazetteer,
    match_tags,
)
from aggregator.errors import ConfigError
from aggregator.models import CurationRules, Deal, Money, Party, TagRule

RULES = (
    TagRule("chips", keywords=("GPU", "TPU", "semiconductor")),
    TagRule("open-models", keywords=("open-weight", "open source"), patterns=(r"llama\s*\d",)),
    TagRule("nvidia", patterns=(r"(?-i:NVDA)", r"\bnvidia\b")),
    TagRule("empty"),
)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Nvidia unveils a new GPU", ("chips", "nvidia")),
        ("Meta releases Llama 3 as open source", ("open-models",)),
        ("meta releases LLAMA3", ("open-models",)),
        ("GPUs everywhere", ()),  # keywords are whole words
        ("NVDA shares rise", ("nvidia",)),
        ("nvda shares rise", ()),  # inline flag keeps case
        ("semiconductor stocks and tpu pods", ("chips",)),
        ("", ()),
    ],
)
def test_match_tags(text: str, tags: tuple[str, ...]) -> None:
    assert match_tags(compile_tag_rules(RULES), text) == tags


def test_rules_are_compiled_once() -> None:
    compiled = compile_tag_rules(RULES)
    assert [name for name, _ in compiled.rules] == ["chips", "open-models", "nvidia"]
    assert all(m.search for _, matchers in compiled.rules for m in matchers)


def test_invalid_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="tag 'bad'"):
        compile_tag_rules([TagRule("bad", patterns=("(unclosed",))])


def test_inline_flags_and_repeated_group_names_work_across_rules() -> None:
    """Issue 19.3: each regex is compiled on its own, so "(?i)" anywhere and the same group
    name in two regexes (of one rule or two) are fine."""
    compiled = compile_tag_rules(
        [
            TagRule("labs", keywords=("lab",), patterns=("(?i)openai", "(?P<who>anthropic)")),
            TagRule("chips", patterns=("(?P<who>nvidia)", "(?-i:TPU)")),
        ]
    )
    assert match_tags(compiled, "OPENAI and a Lab") == ("labs",)
    assert match_tags(compiled, "Anthropic buys Nvidia chips") == ("labs", "chips")
    assert match_tags(compiled, "new tpu") == () and match_tags(compiled, "TPU v6") == ("chips",)


@pytest.mark.parametrize("pattern", ["(a+)+$", "(x|x|x)*y", "(.*a){12}"])
def test_backtracking_patterns_give_answers(pattern: str) -> None:
    """Patterns that take a backtracking engine exponential time on these titles are
    answered (RE2; the time is measured by bench, not here)."""
    compiled = compile_tag_rules([TagRule("t", patterns=(pattern,))])
    assert match_tags(compiled, "a" * 40 + "!") in ((), ("t",))
    assert match_tags(compiled, "x" * 40) == ()


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a)\1", "invalid escape"),
        ("(?<=x)a", "invalid perl operator"),
        ("a{1,99999999999}", "larger than 1000"),
        ("a{2000}", "larger than 1000"),
    ],
)
def test_what_re2_cannot_run_is_refused(pattern: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason):
        compile_tag_rules([TagRule("bad", patterns=(pattern,))])


def _deal(
    type_: str = "funding",
    usd: float | None = 5e6,
    names: tuple[str, ...] = ("Acme",),
) -> Deal:
    amount = None if usd is None else Money(usd, "USD", usd=usd)
    return Deal(
        type=type_, amount=amount, parties=tuple(Party(n, "target", n.lower()) for n in names)
    )


GAZ = load_gazetteer()


@pytest.mark.parametrize(
    ("deal", "tags", "rules", "curated"),
    [
        (_deal(), (), CurationRules(), True),  # default: every deal story
        (None, (), CurationRules(), False),
        (None, ("chips",), CurationRules(tags=("chips",)), True),  # tagged stories qualify too
        (None, ("other",), CurationRules(tags=("chips",)), False),
        (_deal(usd=5e6), (), CurationRules(min_usd=1e7), False),
        (_deal(usd=5e7), (), CurationRules(min_usd=1e7), True),
        (_deal(usd=None), (), CurationRules(min_usd=1e7), False),  # unknown amount fails a minimum
        (_deal("ipo"), (), CurationRules(types=("acquisition", "merger")), False),
        (_deal("merger"), (), CurationRules(types=("acquisition", "merger")), True),
        (_deal(names=("Amazon",)), (), CurationRules(companies=("AWS",)), True),  # via alias
        (_deal(names=("Acme",)), (), CurationRules(companies=("OpenAI",)), False),
        (
            _deal(usd=5e9, names=("Google",)),
            (),
            CurationRules(min_usd=1e9, types=("funding",), companies=("Alphabet",)),
            True,
        ),
    ],
)
def test_is_curated(
    deal: Deal | None, tags: tuple[str, ...], rules: CurationRules, curated: bool
) -> None:
    assert is_curated(deal, tags, rules, GAZ) is curated


@pytest.mark.parametrize(
    ("title", "line"),
    [
        (
            "Amazon to invest up to $4 billion in Anthropic",
            "Investment · Amazon → Anthropic · up to $4B",
        ),
        (
            "Mistral AI raises €600 million Series B led by General Catalyst at €5.8 billion "
            "valuation",
            "Funding (Series B) · General Catalyst → Mistral AI · €600M at €5.8B valuation",
        ),
        (
            "Nvidia to acquire Arm from SoftBank for $40 billion",
            "Acquisition · Nvidia → Arm (from SoftBank) · $40B",
        ),
        (
            "Nvidia's $40 billion Arm deal called off",
            "Acquisition · Nvidia → Arm · $40B · called-off",
        ),
        ("Apple partners with OpenAI", "Partnership · Apple & OpenAI"),
        # a partner whose name holds "&": the partners are listed with commas
        (
            "Anthropic forms joint venture with Blackstone, Hellman & Friedman, and Goldman Sachs",
            "Joint venture · Anthropic, Blackstone, Hellman & Friedman, Goldman Sachs",
        ),
        ("CoreWeave prices IPO at $40 a share, raising $1.5 billion", "IPO · CoreWeave · $1.5B"),
        ("Acme raises $1-2 billion", "Funding · Acme · $1–2B"),
        ("Acme raises ¥30 billion", "Funding · Acme · ¥30B"),
        ("Acme raises 10 billion yuan", "Funding · Acme · CNY 10B"),
        ("Acme raises $2.75 billion", "Funding · Acme · $2.75B"),
        ("Acme raises $500,000 seed round", "Funding (Seed) · Acme · $500K"),
    ],
)
def test_format_deal_line(title: str, line: str) -> None:
    deal = classify(title)
    assert deal is not None
    assert format_deal_line(deal) == line
