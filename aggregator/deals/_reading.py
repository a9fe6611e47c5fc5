"""classify(): how a story is read: a digest item by item, a first-party post as its
publisher would write it, and a deal kept only when it names the parties it needs.

The reading itself (rules, then the M&A model) is ``_gate.gated``.
"""

from __future__ import annotations

from typing import Mapping

from ..models import Deal
from ._digest import digest_items
from ._gate import gated
from ._gazetteer import Gazetteer, load_gazetteer
from ._model import Model
from ._parties import is_title
from ._publisher import first_person, with_subject
from ._segment import clean


# The parties each deal type needs before a reader can trust it.
_NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    "funding": (frozenset({"target"}),),
    "ipo": (frozenset({"issuer"}),),
    "investment": (frozenset({"investor"}), frozenset({"target"})),
    "acquisition": (frozenset({"target"}),),
    "licensing": (frozenset({"licensor", "licensee"}),),
}


def complete(deal: Deal, strict: bool = True) -> bool:
    """Whether the deal names the parties it needs: two partners for a partnership or a joint
    venture (a merger too when ``strict``), and when ``strict`` the roles its type needs, else
    anyone. A deal the model added names none and counts as complete. A rules' deal whose
    parties were all struck off as not organisations ("Collaborate & Claude") is none."""
    if deal.rule.startswith("model:"):
        return True
    if deal.type in ("partnership", "joint-venture") or strict and deal.type == "merger":
        return len(deal.parties) >= 2
    if not strict:
        return bool(deal.parties)
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
        title_case = is_title(clean(title))
        found = (gated(item, "", gz, rates, use_model, model, title_case) for item in items)
        return next((d for d in found if d is not None and complete(d)), None)
    if publisher:
        title, text = first_person(title, publisher), first_person(text, publisher)
        deal = gated(title, text, gz, rates, use_model, model)
        if deal is None or not complete(deal):
            subject = gated(with_subject(title, publisher), text, gz, rates, use_model, model)
            if subject is not None and complete(subject):
                return subject
        return deal if deal is not None and complete(deal, strict=False) else None
    deal = gated(title, text, gz, rates, use_model, model)
    return deal if deal is not None and complete(deal, strict=False) else None

