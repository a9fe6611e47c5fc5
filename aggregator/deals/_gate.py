"""gated(): the rules propose a deal and its facts; the model gates M&A decisions.

- The rules found an acquisition, merger or investment: it is kept when the model's
  probability is at least ``model.veto``, otherwise the story is not a deal; a reading
  whose two or more parties are all gazetteer companies is kept without asking, and so is
  one of two or more parties in a first-party post that names its ``publisher`` as one
  ("We're excited to welcome the team behind Sky": the newsroom's word is the evidence),
  a passive acquisition by a gazetteer company ("Glimmerlake snapped up by Microsoft") or one
  it pays for ("Thomson Reuters is paying $650 million for Lexitas"), and
  a merger whose subject names the two that merge ("Lingvana and Textra are merging").
- The rules found nothing, the headline has no non-deal cue and the text has an M&A word
  (acquire, merger, takeover, bid, stake, sells, ...): the story becomes an M&A deal when
  the model's probability is at least ``model.add`` (type from its wording, amount and
  status from the text, no parties, the strongest n-grams as evidence).
- Any other rule type (funding, partnership, licensing, IPO, joint venture) is not gated.
- A deal found by a rule of another language (``_patterns_intl``) is not read by the model,
  which learned English: an acquisition, merger or investment (or a round told by a verb that
  only says "gets") needs a gazetteer party or a company word in the story instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from ..models import DEAL_KINDS, Deal
from ._amounts import scan_amounts
from ._classify import rules_and_block
from ._gazetteer import Gazetteer
from ._lexicon import is_ordinary
from ._model import (
    Model,
    Verdict,
    cue_words,
    features,
    has_cue,
    load_model,
    mentions_cue,
    model_text,
    score,
)
from ._patterns_intl import COMPANY_SIGN, GENERIC_FUNDING_VERBS, INTL_NAMES
from ._segment import clean
from ._status import status_of

GATED = tuple(k for k, v in DEAL_KINDS.items() if v.gated)  # acquisition, merger, investment
_MERGER = re.compile(r"\bmerg(?:e|er|ers|es|ed|ing)\b", re.I)
_STAKE = re.compile(r"\bstakes?\b|\binvest(?:s|ed|ing)?\s+in\b", re.I)
_BUY = re.compile(r"acqui|takeover|buy|bid\b|offer|purchase", re.I)


# Rules whose words say a company is bought: with a buyer and a company bought, the M&A
# model's second opinion is not asked (it was trained on longer text: "Vantor pays $3B for
# Quillstack" scores 0.003)
_PLAIN_PURCHASES = frozenset(("pays-for", "offer-for", "acquired-by", "take-private"))


# Rules that tell an investor's money put in a company
_BACKINGS = frozenset(("backs", "back-plural", "check-to", "invest-in", "bets-on"))


def _model_deal(title: str, text: str, verdict: Verdict, model: Model, feats: set[str]) -> Deal:
    """An M&A deal no rule matched: type from wording, amount/status from the text."""
    story = clean(model_text(title, text, model.max_chars))
    if _MERGER.search(story) and not _BUY.search(story):
        deal_type = "merger"
    elif _STAKE.search(story) and not _BUY.search(story):
        deal_type = "investment"
    else:
        deal_type = "acquisition"
    amount = next((f.money for f in scan_amounts(story) if f.kind == "deal"), None)
    # The M&A words that made the story eligible, then the n-grams that weighed most.
    evidence = ", ".join(dict.fromkeys(cue_words(feats)[:2] + list(verdict.top)))
    return Deal(
        type=deal_type,
        status=status_of(story),
        amount=amount,
        evidence=evidence,
        rule=f"model:ma p={verdict.probability:.2f} ({evidence})",
    )


def _known(name: str, gz: Gazetteer) -> bool:
    hits = gz.find(name)
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(name)


_ROUND_WORD = re.compile(r"ronda|rodada|round|runde|tour|lev[ée]e|s[ée]rie|aporte", re.I)
# A round named after a verb that only says "gets": a financing round, a series, a seed
_ROUND_NAMED = re.compile(
    r"\w*(?:finanzierungs|investitions|series-[a-k]-|seed-|wachstums)runde\b|\bseries[\s-][a-k]\b"
    r"|\bronda\s+(?:de\s+)?(?:financiaci[óo]n|inversi[óo]n|serie|semilla)\b"
    r"|\btour\s+de\s+(?:table|financement)\b|\brodada\s+(?:de\s+)?(?:investimento|s[ée]rie|seed)\b",
    re.I,
)


def _companies_shown(
    deal: Deal, title: str, text: str, gz: Gazetteer, publisher: str | None
) -> bool:
    """Whether a deal a rule of another language found may stand without the (English) M&A
    model: see ``_patterns_intl.COMPANY_SIGN``."""
    generic = (
        deal.type == "funding"
        and deal.evidence.split()[0].lower() in GENERIC_FUNDING_VERBS
        and not _ROUND_WORD.search(deal.evidence)  # "cierra una ronda" says which money
        and not _ROUND_NAMED.search(title)  # "erhält 15 Millionen Euro in Series-A-Runde"
    )
    if deal.type in ("funding", "ipo") and not generic:
        return True
    if publisher is not None or any(_known(p.name, gz) for p in deal.parties):
        return True
    return COMPANY_SIGN.search(f"{title} {text[:300]}") is not None


def gated(
    title: str,
    text: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    use_model: bool,
    model: Model | None,
    title_case: bool | None = None,
    publisher: str | None = None,
) -> Deal | None:
    """The rules' deal, kept, vetoed or added by the M&A model (``use_model``)."""
    deal, blocked = rules_and_block(title, text, gz, rates, title_case)
    if deal is not None and deal.rule in INTL_NAMES:
        return deal if _companies_shown(deal, title, text, gz, publisher) else None
    if deal is not None and deal.rule == "denies-talks":
        return _denied_sides(deal, gz)  # "Lumora shoots down sale report": in plain words
    if not use_model or (deal is not None and deal.type not in GATED):
        return deal
    if (
        deal is not None
        and len(deal.parties) >= 2
        and (
            all(_known(p.name, gz) for p in deal.parties)
            or (publisher is not None and any(p.slug == gz.slug(publisher) for p in deal.parties))
        )
    ):
        return deal  # every party a gazetteer company, or the publisher: the rules suffice
    if (
        deal is not None
        and deal.rule in ("acquired-by", "pays-for")
        and any(p.role == "acquirer" and _known(p.name, gz) for p in deal.parties)
        and any(p.role == "target" for p in deal.parties)
    ):
        # "Glimmerlake snapped up by Microsoft", "Thomson Reuters is paying $650 million for
        # Lexitas": a known buyer, in words the model never learned
        return deal
    if (
        deal is not None
        and deal.rule in _PLAIN_PURCHASES
        and {p.role for p in deal.parties} >= {"acquirer", "target"}
        and (deal.rule != "offer-for" or deal.amount is not None)
        # ("Quillstack chips sold to Vantor": what is sold may be goods)
        and not deal.evidence.lower().startswith(("sold", "sells"))
    ):
        # "Vantor pays $3B for Quillstack", "Vantor bids $2B for Quillstack", "Quillstack being
        # bought by Vantor": words that say a company is bought (not its goods, data, stakes or
        # talent: the rules' own exclusions), whoever the two are
        return deal
    if (
        deal is not None
        and deal.rule in _BACKINGS
        and any(p.role == "target" for p in deal.parties)
        and any(
            p.role == "investor" and gz.kind(gz.canonical(p.name)) == "investor"
            for p in deal.parties
        )
    ):
        # "Sequoia backs Quillstack with $20M", "Sequoia writes $20M check for Quillstack": a
        # venture firm's money in a company, words the M&A model never learned
        return deal
    if deal is not None and deal.rule == "merge-plural" and len(deal.parties) == 2:
        return deal  # "Lingvana and Textra are merging": the two that merge are its subject
    model = model or load_model()
    if model is None:
        return deal
    story = model_text(title, text, model.max_chars)
    if deal is None and (blocked or not mentions_cue(story)):
        return None  # the model could not add a deal: no need to score
    rule = deal.rule if deal else None
    feats = features(story, rule)
    verdict = score(model, feats)
    if deal is not None:
        return deal if verdict.probability >= model.veto else None
    if verdict.probability >= model.add and has_cue(feats) and _names_someone(title, text):
        return _model_deal(title, text, verdict, model, feats)
    return None


def _denied_sides(deal: Deal, gz: Gazetteer) -> Deal:
    """ "X denies Y talks": who would buy whom is told by who is known. A company the
    gazetteer does not know denying talks with one it knows is the one to be bought ("Sonder
    Robotics Denies Tesla Talks"); a known one denying talks with an unknown one is the buyer
    ("Arm denies Corvexa buyout talks"); between two known ones, the one that denies is the
    one to be bought, as most such headlines tell it ("Mistral AI denies Apple acquisition
    talks")."""
    if len(deal.parties) != 2:
        return deal
    subject = next(p for p in deal.parties if p.role == "target")
    other = next(p for p in deal.parties if p.role != "target")
    mine, theirs = _known(subject.name, gz), _known(other.name, gz)
    if mine and not theirs:
        parties = (replace(subject, role="acquirer"), replace(other, role="target"))
        return replace(deal, parties=parties)
    return deal


def _names_someone(title: str, text: str) -> bool:
    """Whether the headline or the body's start writes a capitalised word other than a
    sentence's first: "The acquisition of language in children" names no one, so the model's
    M&A words tell no deal."""
    first = _FIRST_WORD.match(title)
    if first is not None and not is_ordinary(first.group(1).lower()):
        return True  # "Acme holders weigh merging": a first word no dictionary knows
    return any(_NAME_WORD.search(part) for part in (title, text[:300]))


# A capital inside a sentence (not its first word, nor after a stop or a colon)
_NAME_WORD = re.compile(r"(?<![.!?:;\n])\s+[A-Z]")
_FIRST_WORD = re.compile(r"\W*([A-Z][\w-]*)")
