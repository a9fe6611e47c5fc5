"""Newsletter digests: a title that lists several stories (shared by the story clusterer,
which keeps a digest its own story, and the deal reader, which reads it item by item).

"A raises $7B 💰, B ships C 🤖, D buys E 🤝", "The Batch: X Acquires Y, Robots Learn to
Walk, Z Backs W", "A | B | C", "A; B; C", "1. A 2. B 3. C". A title is a digest when emoji,
" | " or "; " separate at least two items, or numbers in order from 1, or commas separate at
least three items of which at least three have two words or more, each starting with a
capital (a list of investors, "from A, B, C and D", or "X, backed by Y, raises" is not a
digest), or, after a newsletter's name, whatever their case when the last follows ", and".
"""

from __future__ import annotations

import re

_PREFIX = re.compile(r"^[^:]{1,30}:\s+(?=\S)")  # "The Batch: ", "TLDR AI: "
# A newsletter's or column's name before a colon, in capitalised words ("Axios Pro Rata: ",
# "StrictlyVC: ", "Term Sheet: "; not "Series A for Pebblestone: ")
COLUMN_NAME = re.compile(
    r"^(?-i:[A-Z#][\w.&'’#-]*)(?:\s+(?-i:[A-Z0-9#])[\w.&'’#-]*){0,3}:\s+(?=\S)"
)
_HARD = re.compile(r"\s+\|\s+|;\s+")
# Emoji and pictographs (with their joiners and variation selectors), dingbats, arrows and
# other symbol blocks: what newsletters put between items.
_SYMBOLS = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\u3297\u3299"
    "\U0001f000-\U0001faff\u200d\ufe0f]+"
)


def undecorated(title: str) -> str:
    """``title`` without the emoji a newsletter opens it with ("😺 Warner Music bets on
    Cadenza"); the symbols between a digest's items are read by ``digest_items``."""
    start = _SYMBOLS.match(title)
    return title[start.end() :].lstrip() if start else title


def _split_symbols(title: str) -> list[str]:
    return [p.strip(" ,;|") for p in _SYMBOLS.split(title) if p.strip(" ,;|")]


def _capitalised(item: str) -> bool:
    """Starts with a capital or a digit, or is a name like "xAI", "iPhone", "eBay", "o3"."""
    return (
        item[0].isupper()
        or item[0].isdigit()
        or (len(item) > 1 and (item[1].isupper() or item[1].isdigit()))
    )


# A numbered list: "1. A buys B 2. C ships D 3. …", "1) … 2) …" (numbers in order from 1).
_NUMBERED = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=\S)")


def _numbered(body: str) -> list[str]:
    marks = list(_NUMBERED.finditer(body))
    if len(marks) < 2 or body[: marks[0].start()].strip():
        return []
    if [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [len(body)]
    items = [body[m.end() : end].strip(" ,;|") for m, end in zip(marks, ends)]
    return items if all(items) else []


_SENTENCES = re.compile(r"\w[.!?]\s+[A-Z]")
_PREDICATE = re.compile(r"(?:was|were|is|are|has|have|had|raised|led|said|says)\b")


_DASH = re.compile(r"\s[—–-]\s")
# A clause with no subject of its own goes on with the one before it ("Mapleton Bio Prices
# Upsized IPO; Raises $153 Million", "X to buy Y; deal values Y at $2B"): one story.
_CONTINUES = re.compile(
    r"(?i:raises|raised|closes|prices|priced|expects|sees|plans|files|adds|names|completes"
    r"|secures|values|valued|valuing|led\s+by|backed\s+by|deal|terms|shares|stock|also|and"
    r"|with|will|to|sets|targets|eyes|cites|says|said)\b"
)


def _continued(items: list[str], listed: bool = False) -> list[str]:
    """``listed``: the title opens with a newsletter's name, whose last item follows "and"
    ("Import AI 422: Chinese chips get good; the case for AI auditors; and a $1bn robotics
    pact"): an item of its own."""
    out: list[str] = []
    for item in items:
        if listed and len(out) >= 2 and item.startswith("and "):
            out.append(item[4:])
        elif out and _CONTINUES.match(item):
            out[-1] = f"{out[-1]}; {item}"
        else:
            out.append(item)
    return out


def _spec_list(commas: list[str]) -> bool:
    """A headline, a dash and a list of its short details, half of them figures ("Mistral
    Large 4 weights are up on HF — 600B MoE, 41B active, Apache 2.0"): one story, no
    digest."""
    found = _DASH.search(commas[0])
    if found is None:
        return False
    head, details = commas[0][: found.start()], [commas[0][found.end() :], *commas[1:]]
    return (
        len(head.split()) >= 4
        and all(len(d.split()) <= 3 for d in details)
        and 2 * sum(any(c.isdigit() for c in d) for d in details) >= len(details)
    )


def digest_items(title: str) -> list[str]:
    """The items of a digest title (one item, the title itself, when it is not a digest)."""
    body = _PREFIX.sub("", title)  # the newsletter's name is no part of its first item
    numbered = _numbered(body)
    if numbered:
        return numbered
    if not title.isascii() and _SYMBOLS.search(title):
        items = _split_symbols(body)
        if len(items) >= 2:
            return [i for part in items for i in _HARD.split(part) if i.strip()]
    if _HARD.search(title):
        items = _continued([i.strip() for i in _HARD.split(body) if i.strip()], body != title)
        if len(items) >= 2:
            return items
    commas = [i.strip() for i in re.split(r",\s+", body) if i.strip()]
    if len(commas) >= 3 and _spec_list(commas):
        return [title]
    if (
        len(commas) >= 3
        and sum(len(i.split()) >= 2 for i in commas) >= 3
        and all(_capitalised(i) for i in commas)
    ):
        return commas
    if (
        len(commas) >= 3
        and body != title
        and commas[-1].startswith("and ")
        and not _SENTENCES.search(body)
    ):
        # "Import AI 430: Chip smuggling, DeepSeek's new model, and a $2B seed round": a
        # newsletter's list whose last item follows "and" (not a sentence: "X, a Nashville
        # startup, raised $35M. Y led, and was joined by Z")
        items = [*commas[:-1], commas[-1][4:]]
        if sum(len(i.split()) >= 2 for i in items) >= 3 and not any(
            _PREDICATE.match(i) for i in items
        ):
            return items
    if (
        len(commas) >= 2
        and body != title
        and body[:1].islower()
        and " and " in commas[-1]
        and not _SENTENCES.search(body)
    ):
        # "#214: lawsuits, layoffs and a $100M seed round": a lower-case list of topics
        items = [*commas[:-1], *commas[-1].split(" and ", 1)]
        if all(len(i.split()) <= 6 for i in items) and not any(_PREDICATE.match(i) for i in items):
            return items
    return [title]


def is_roundup(title: str) -> bool:
    """A title listing several stories: a digest of three or more items (or two between
    emoji), or a newsletter's name and three or more comma-separated items whatever their case
    ("The Batch: Lumen 2 and Lumen Mini, SoftBank buys into Tanuki, the Forbes AI 50,
    data-centre water use")."""
    items = digest_items(title)
    if len(items) >= 3 or (len(items) == 2 and _SYMBOLS.search(title)):
        return True  # (two clauses joined by ";" are one story)
    prefix = _PREFIX.match(title)
    return prefix is not None and len(re.split(r",\s+", title[prefix.end() :])) >= 3
