"""Products: when two titles name one product, and when they name two products of one
family (a model and its "Mini" sibling), which are two events."""

from __future__ import annotations

from aggregator.stories._text import VARIANT_WORDS, Features

PRODUCT_HOURS = 36.0  # reports of one launch that name it arrive within this


def other_products(a: Features, b: Features) -> bool:
    """Launches of other products: the titles' first products differ, and both titles are
    launches or the products are of one family ("Introducing Lumen 2" / "Lumen Labs
    releases Lumen Mini, a cheaper sibling to Lumen 2"); or one title names a variant of a
    product the other names alone ("Halden's pricier Assist 3 Pro …" / "Halden Assist 3 is
    here")."""
    if "launch" in a.events | b.events and (_bare_variant(a, b) or _bare_variant(b, a)):
        return True  # ("Orion Max" / "Pallas unveils its Orion AI chip": no product pair)
    if not (a.products and b.products):
        return False
    if _variant(a.products, b.products) or _variant(b.products, a.products):
        return True
    if a.products[0] == b.products[0] or _one_version(a, b):
        return False
    if "launch" in a.events & b.events:
        return True  # "Hugging Face launches SmolLM 3" / "… Idefics 4"
    if "launch" not in a.events | b.events:
        return _new_siblings(a, b)
    return _sibling(a.products, b.products) or _sibling(b.products, a.products)


def _variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``a`` names a product with a variant word ("assist 3 pro") whose base ("assist 3")
    ``b`` names, and ``b`` not the variant: a sibling, whether or not a title says launch."""
    for product in a:
        base, _, last = product.rpartition(" ")
        if base.count(" ") == 1 and last in VARIANT_WORDS and base in b and product not in b:
            return True
    return False


def _bare_variant(a: Features, b: Features) -> bool:
    """``a`` names a variant of a product without a version ("Orion Max": a name and a
    variant word) whose name ``b`` names without it ("Pallas unveils its Orion AI chip"):
    two products of one family, when one of the titles is a launch."""
    for product in a.products:
        base, _, last = product.rpartition(" ")
        if (
            base
            and " " not in base
            and last in VARIANT_WORDS
            and base in b.names
            and last not in b.terms
            and product not in b.products
        ):
            return True
    return False


def _new_siblings(a: Features, b: Features) -> bool:
    """Without a launch word, two products of one family that each title calls new
    ("Quill's new Quill Code writes whole apps" / "Quill's new Quill Docs writes your
    memos")."""
    return (
        "new" in a.terms
        and "new" in b.terms
        and (_sibling(a.products, b.products) or _sibling(b.products, a.products))
    )


def _sibling(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``b`` names a product of the family of ``a``'s first product, and not that product
    ("Aria unveils Sonata 3" / "Aria's Sonata Voice model speaks 40 languages": "aria
    sonata", "sonata voice")."""
    first = a[0]
    family = first.partition(" ")[0]
    return first not in b and any(p.partition(" ")[0] == family for p in b)


def _one_version(a: Features, b: Features) -> bool:
    """One named version among the first two products of each title ("Introducing Mistral
    Large 4" / "Mistral AI dévoile Large 4": "mistral larg", "larg 4" / "larg 4")."""
    return any(p[-1:].isdigit() and p in b.products[:2] for p in a.products[:2])


def named_version_subject(a: Features, b: Features, first: str | None, second: str | None) -> bool:
    """Both titles name one version (``_one_version``) and one of them is about that product
    ("Introducing Claude Opus 5": its subject "claude" opens "claude opus") while the other
    may be about its maker ("Anthropic releases Opus 5"): no two subjects."""
    if not _one_version(a, b):
        return False
    return any(p.partition(" ")[0] == first for p in a.products[:2]) or any(
        p.partition(" ")[0] == second for p in b.products[:2]
    )


def same_product(a: Features, b: Features, gap_hours: float) -> bool:
    """Both titles name one product first ("Introducing Quill Code" / "Quill Code is here"),
    one of them as a launch or the name carries a version ("Kairo-3", "Aria 3 Mini"), or one
    named version
    (``_one_version``) and one of them is a launch, within ``PRODUCT_HOURS``."""
    if gap_hours > PRODUCT_HOURS or not (a.products and b.products):
        return False
    product = a.products[0]
    if product != b.products[0]:
        return "launch" in a.events | b.events and _one_version(a, b)
    return "launch" in a.events | b.events or any(c.isdigit() for c in product)
