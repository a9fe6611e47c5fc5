"""classify(): the rules propose a deal and its facts; the model gates M&A decisions.

- The rules found an acquisition, merger or investment: it is kept when the model's
  probability is at least ``model.veto``, otherwise the story is not a deal.
- The rules found nothing, the headline has no non-deal cue and the text has an M&A word
  (acquire, merger, takeover, bid, stake, sells, ...): the story becomes an M&A deal when
  the model's probability is at least ``model.add`` (type from its wording, amount and
  status from the text, no parties, the strongest n-grams as evidence).
- Any other rule type (funding, partnership, licensing, IPO, joint venture) is not gated.
"""

from __future__ import annotations

import re
from typing import Mapping

from ..models import Deal
from ._amounts import scan_amounts
from ._classify import rules_and_block
from ._digest import digest_items
from ._gazetteer import Gazetteer, load_gazetteer
from ._model import (Model, Verdict, cue_words, features, has_cue, load_model, mentions_cue,
                     model_text, score)
from ._publisher import first_person, with_subject
from ._segment import clean
from ._status import status_of

GATED = ("acquisition", "merger", "investment")
_MERGER = re.compile(r"\bmerg(?:e|er|ers|es|ed|ing)\b", re.I)
_STAKE = re.compile(r"\bstakes?\b|\binvest(?:s|ed|ing)?\s+in\b", re.I)
_BUY = re.compile(r"acqui|takeover|buy|bid\b|offer|purchase", re.I)


def _model_deal(title: str, text: str, verdict: Verdict, model: Model,
                feats: set[str]) -> Deal:
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
    return Deal(type=deal_type, status=status_of(story), amount=amount, evidence=evidence,
                rule=f"model:ma p={verdict.probability:.2f} ({evidence})")


# The parties each deal type needs before a reader can trust it.
_NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    "funding": (frozenset({"target"}),),
    "ipo": (frozenset({"issuer"}),),
    "investment": (frozenset({"investor"}), frozenset({"target"})),
    "acquisition": (frozenset({"target"}),),
    "licensing": (frozenset({"licensor", "licensee"}),),
}


def complete(deal: Deal) -> bool:
    """Whether the deal names the parties its type needs (two partners for partnerships,
    mergers and joint ventures). A deal the model added names none and counts as complete."""
    if deal.rule.startswith("model:"):
        return True
    if deal.type in ("partnership", "merger", "joint-venture"):
        return len(deal.parties) >= 2
    roles = {p.role for p in deal.parties}
    return all(roles & need for need in _NEEDS.get(deal.type, ()))


def classify(title: str, text: str = "", *, gazetteer: Gazetteer | None = None,
             rates: Mapping[str, float] | None = None, use_model: bool = True,
             model: Model | None = None, publisher: str | None = None) -> Deal | None:
    """The deal a story reports, or None when it is not a deal story.

    ``use_model=False`` gives the rules alone; ``model`` replaces the shipped model.
    ``publisher``: the organisation whose own feed this is (``publisher_of``): "we", "our"
    and a headline without a subject stand for it. A digest title (``digest_items``) is read
    item by item, without the body: the first item that is a deal is the story's deal."""
    gz = gazetteer if gazetteer is not None else load_gazetteer()
    items = digest_items(title)
    if len(items) > 1:
        found = (_classify(item, "", gz, rates, use_model, model) for item in items)
        return next((d for d in found if d is not None and complete(d)), None)
    if publisher:
        title, text = first_person(title, publisher), first_person(text, publisher)
        deal = _classify(title, text, gz, rates, use_model, model)
        if deal is None or not complete(deal):
            subject = _classify(with_subject(title, publisher), text, gz, rates, use_model, model)
            if subject is not None and complete(subject):
                return subject
        return deal if deal is not None and _named(deal) else None
    deal = _classify(title, text, gz, rates, use_model, model)
    return deal if deal is not None and _named(deal) else None


def _named(deal: Deal) -> bool:
    """A rules' deal names someone: with every party struck off as not an organisation
    ("Partnership · Collaborate & Claude" is left with one), it is no deal."""
    if deal.rule.startswith("model:"):
        return True
    if deal.type in ("partnership", "joint-venture"):
        return len(deal.parties) >= 2
    return bool(deal.parties)


def _classify(title: str, text: str, gz: Gazetteer, rates: Mapping[str, float] | None,
              use_model: bool, model: Model | None) -> Deal | None:
    deal, blocked = rules_and_block(title, text, gz, rates)
    if not use_model or (deal is not None and deal.type not in GATED):
        return deal
    model = model or load_model()
    if model is None:
        return deal
    story = model_text(title, text, model.max_chars)
    if deal is None and (blocked or not mentions_cue(story)):
        return None                     # the model could not add a deal: no need to score
    rule = deal.rule if deal else None
    feats = features(story, rule)
    verdict = score(model, feats)
    if deal is not None:
        return deal if verdict.probability >= model.veto else None
    if verdict.probability >= model.add and has_cue(feats):
        return _model_deal(title, text, verdict, model, feats)
    return None
