"""Deal status (announced, rumoured, completed, rejected, called-off, denied) and funding round
cues, read from the wording of a headline or sentence."""

from __future__ import annotations

import re

_I = re.IGNORECASE

# A party says the deal is not happening: "denies it is raising", "dismisses reports".
DENIED = (
    "denied",
    re.compile(
        r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed)?\s+(?:the\s+)?(?:reports?|rumou?rs?|speculation)"
        r"|(?:no|not\s+in)\s+(?:talks|plans?\s+to)|rules?\s+out|ruled\s+out)\b",
        _I,
    ),
)

STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    DENIED,
    (
        "called-off",
        re.compile(
            r"\b(?:call(?:s|ed|ing)?\s+off|abandon\w*|scrap(?:s|ped)?|terminat\w+|drops?\s+(?:[\w$€£¥.,-]+\s+){0,3}?"
            r"(?:bid|deal|plan|offer|pursuit|merger|takeover)|dropped|walk(?:s|ed)?\s+away"
            r"|collaps\w+|f[ae]ll(?:s)?\s+(?:through|apart)|unravel\w*|end(?:s|ed)?\s+(?:merger\s+|deal\s+)?talks|withdraw\w*"
            r"|pull(?:s|ed)?\s+out|pull(?:s|ed)?\s+(?:its\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:IPO|listing|float"
            r"|offering|bid|offer)|cancel\w*|block(?:s|ed)|kill(?:s|ed)|postpone\w*|shelve[sd]?)\b",
            _I,
        ),
    ),
    (
        "rejected",
        re.compile(
            r"\b(?:reject\w*|rebuff\w*|spurn\w*|turn(?:s|ed)?\s+down|snub\w*|refus\w+|declin(?:es|ed)\s+"
            r"(?:the\s+|an?\s+)?(?:offer|bid|proposal)|too\s+low|hostile)\b",
            _I,
        ),
    ),
    (
        "completed",
        re.compile(
            r"\b(?:complet(?:es|ed|ing|ion)|clos(?:es|ed|ing)\s+(?:its\s+|the\s+)?(?:\S+\s+){0,4}?"
            r"(?:acquisition|deal|purchase|merger|sale|takeover|round|funding|investment|series\s+[a-k])"
            r"|finali[sz]\w+"
            r"|wrap(?:s|ped)?\s+up|now\s+owns|has\s+acquired|approved)\b",
            _I,
        ),
    ),
    (
        "rumoured",
        re.compile(
            r"\b(?:in\s+(?:advanced\s+|early\s+|exclusive\s+)?(?:talks|discussions|negotiations)"
            r"|talks\s+(?:to|with|over|about|on)|in\s+the\s+running"
            # "is exploring a sale", not "partnered with X to explore defences"
            r"|(?<!to\s)(?:consider\w*|explor\w+)|weigh(?:s|ing)?"
            r"|mull\w*|eye(?:s|ing)|people\s+familiar|(?:sources?|persons?|people)\s+(?:say|said|close)"
            r"|according\s+to\s+(?:people|sources|a\s+person|reports?)|reportedly|reports?|reported"
            r"|rumou?r\w*|said\s+to\s+be|nears?|nearing|close\s+to\s+(?:a\s+)?deal|could|may|might"
            r"|speculation|interested\s+in|approach(?:es|ed)|seeks?|seeking|sound(?:s|ed)?\s+out"
            r"|in\s+the\s+works|plans?\s+to\s+raise|looking\s+to|wants?\s+to|aims?\s+to|hopes?\s+to"
            r"|poised\s+to|set\s+to\s+raise|would"
            # a possible deal, not "the potential of AI"
            r"|(?:possible|potential|proposed)\s+(?:[\w-]+\s+){0,2}?(?:deals?|sale|merger|acquisition"
            r"|takeover|bid|offer|investment|round|ipo|listing|partnership|tie-up|combination|buyers?"
            r"|suitors?|raise|funding|financing|stake|transaction|venture))\b",
            _I,
        ),
    ),
)

ROUND_RE = re.compile(
    r"\b(?:(?P<pre>pre-?seed)|(?P<seed>seed)(?:[\s-](?:round|funding|financing|stage|investment)"
    r"|(?=\s+(?:led|from|at|extension))|$)|series\s+(?P<letter>[a-k])(?:[- ]?(?P<num>\d))?"
    r"(?P<ext>\s+extension)?\b|(?P<growth>growth)[\s-](?:round|funding|equity|financing)"
    r"|(?P<bridge>bridge)[\s-](?:round|funding|financing|loan))",
    _I,
)


def round_of(text: str) -> str | None:
    """The funding round named in ``text``: pre-seed, seed, series-b, series-b-2, ..."""
    m = ROUND_RE.search(text)
    if m is None:
        return None
    if m.group("pre"):
        return "pre-seed"
    if m.group("seed"):
        return "seed"
    if m.group("growth"):
        return "growth"
    if m.group("bridge"):
        return "bridge"
    name = "series-" + m.group("letter").lower()
    if m.group("num"):
        name += "-" + m.group("num")
    if m.group("ext"):
        name += "-extension"
    return name


# IPOs have their own vocabulary: filing for or seeking money in an IPO is a fact
# (announced), planning or weighing one is a rumour, a debut or first trade completes it.
IPO_STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    DENIED,
    STATUS_CUES[1],
    (
        "rumoured",
        re.compile(
            r"\b(?:people\s+familiar|(?:sources?|persons?|people)\s+(?:say|said|close)|according\s+to"
            r"|reportedly|reports?|reported|rumou?r\w*|said\s+to|speculation)\b",
            _I,
        ),
    ),
    (
        "completed",
        re.compile(
            r"\b(?:debut(?:s|ed)?|(?:begins?|began|starts?|started|commences?)\s+trading|lists?\s+on"
            r"|listed\s+on|complet(?:es|ed)|shares?\s+(?:soar|jump|rise|rose|surge|pop|climb|fall|fell"
            r"|slump|sink|tumble|open|opened)\w*)\b",
            _I,
        ),
    ),
    (
        "announced",
        re.compile(
            r"\b(?:files?|filed|filing|seeks?|seeking|sets?\s+terms|launch(?:es|ed)?|kicks?\s+off"
            r"|pric(?:es|ed|ing)|rais(?:es|ed|ing)|targets?|aims?\s+(?:for|at)\s+§)\b",
            _I,
        ),
    ),
    (
        "rumoured",
        re.compile(
            r"\b(?:plan(?:s|ned|ning)?|prepar\w+|consider\w*|explor\w+|weigh(?:s|ing)?|mull\w*"
            r"|in\s+(?:early\s+|advanced\s+)?talks|talks|eye(?:s|ing)?|could|may|might|would"
            r"|(?:hires?|hired|picks?|picked|taps?|tapped)\s+(?:[\w-]+\s+)?banks|aims?|hopes?"
            r"|possible|potential|poised|set\s+to|nears?|readies|readying)\b",
            _I,
        ),
    ),
)


def status_of(text: str, deal_type: str | None = None) -> str:
    """The first status whose cue is present; ``announced`` when none is. IPOs use
    ``IPO_STATUS_CUES``."""
    for status, cue in IPO_STATUS_CUES if deal_type == "ipo" else STATUS_CUES:
        if cue.search(text):
            return status
    return "announced"
