"""How a company's own newsroom words its deals, restated in the words the rules read.

A newsroom rarely writes "X partners with Y". It writes "Working with the US Department of
Energy to ...", "Welcoming Carbon to the Perplexity team", "Emmi joins Mistral", "SKT
Partnership Announcement", "Eligible Uber One members can now unlock a free year of
Perplexity Pro". ``restatements`` gives, for such a headline, the plain sentences it
stands for ("Perplexity acquires Carbon"), which the reader then reads as it reads any
headline: parties are still found, confirmed and checked the usual way, so a restatement
names no party the headline does not.

The patterns that name the publisher are made once per publisher (``lru_cache``): the
``re`` module's own cache of 512 patterns is shared with every pattern made from a name, and
lost them, recompiling each on every entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_I = re.IGNORECASE
_NAME = r"(?P<x>(?:the\s+)?[A-Z0-9][\w.&'’+-]*(?:\s+(?:[A-Z0-9&][\w.&'’+-]*|of|for|and|de|la))*)"
# What a company is welcomed into when it becomes part of the publisher.
_TEAM = r"(?i:team|family|company|group)"
# What a company is welcomed into when it becomes a partner.
_SCHEME = (
    r"(?i:program(?:me)?|network|coalition|alliance|consortium|initiative|partners?"
    r"|partnership|ecosystem|pledge|council|forum)"
)
# Verbs a newsroom opens a partnership headline with ("Working with X to ...").
_GERUND = (
    r"(?i:working|partnering|teaming\s+up|collaborating|powering|expanding|building"
    r"|bringing|accelerating|advancing|supporting|empowering|helping|joining\s+forces"
    r"|deepening|strengthening|extending|launching|announcing|scaling|transforming|unlocking"
    r"|enabling|delivering|securing|moderni[sz]ing|reimagining|driving)"
)
_VENTURE = re.compile(r"\b(?:company|venture|firm|joint\s+venture|fund)\b", _I)
# "Bringing Perplexity to every Samsung Galaxy", "Bringing Claude to the London School of
# Economics": the publisher's product brought to another organisation
_BRINGING = re.compile(
    rf"^(?i:bringing)\s+[^.:;]{{1,40}}?\s+(?i:to)\s+(?:(?i:every|all|the)\s+)?{_NAME}"
)


# What a newsroom says before its welcome, once "we" reads as the publisher
_WELCOME_LEAD_IN = re.compile(
    r"^(?:(?i:today|this\s+week|now),?\s+)?(?P<who>)[^\s].{0,60}?\s+(?:(?i:is|are)\s+)?"
    r"(?:(?i:so\s+|very\s+)?(?i:thrilled|excited|happy|delighted|proud|pleased)\s+to\s+)?"
    r"(?=(?i:welcoming|welcome)\b)"  # not "Vercel welcomes NuxtLabs", read as it is
)


@lru_cache(maxsize=1024)
def _welcome(publisher: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?i:welcom(?:e|es|ing))\s+{_NAME}\s+(?i:to)\s+(?i:the\s+)?"
        rf"(?:{_spellings(publisher)}(?:['’]s)?\s+)?"
        rf"(?P<into>(?:[\w-]+\s+){{0,3}}?(?:{_TEAM}|{_SCHEME}))s?\b"
    )


@lru_cache(maxsize=1024)
def _welcome_home(publisher: str) -> re.Pattern[str]:
    """ "Welcoming Sphinx to Perplexity": a company welcomed into the publisher itself."""
    return re.compile(
        rf"^(?i:welcom(?:e|es|ing))\s+{_NAME}\s+(?i:to)\s+{_spellings(publisher)}\s*[.!]?\W*$"
    )


# "Welcome, Quillstack!": a company greeted by name alone, bought when the body says it
# joins ("Quillstack's team is joining Loomwork", "is joining us")
_WELCOME_ALONE = re.compile(rf"^(?i:welcom(?:e|ing)),?\s+{_NAME}\s*[.!]?\W*$")


@lru_cache(maxsize=1024)
def _welcome_team(publisher: str) -> re.Pattern[str]:
    """ "Welcoming the Windrose team to Google DeepMind": a company's team welcomed into the
    publisher (or one of its units: the publisher's name opens it)."""
    return re.compile(
        rf"^(?i:welcom(?:e|es|ing))\s+(?i:the\s+)?{_NAME}\s+(?i:team)\s+(?i:to)\s+"
        rf"{_spellings(publisher)}\b(?:\s+[A-Z][\w-]*){{0,2}}\s*[.!]?$"
    )


# A person welcomed is a hire: "Welcoming Tom Ashby to Kernelcraft" ("Tom joins as VP of
# Engineering from GitHub", "… as our Chief Financial Officer").
_HIRE = re.compile(
    r"\bjoin(?:s|ed|ing)?\s+(?:[\w.'’-]+\s+){0,3}?(?:as|from)\b|\bas\s+(?:our\s+)?(?:new\s+)?"
    r"(?:chief|vp|vice|head|director|president|general\s+counsel|ceo|cto|cfo|coo|cmo|cpo)\b"
    r"|\bappoint",
    _I,
)


@lru_cache(maxsize=1024)
def _acquired_by(publisher: str) -> re.Pattern[str]:
    """ "Aperture Health is joining Epic", "Mirrorpond is now part of Canva" on the acquired
    company's own feed: the publisher becomes part of a named company (never "the …": a
    foundation, forum or programme is joined, not a buyer)."""
    return re.compile(
        rf"^{_spellings(publisher)}\s+(?i:is\s+joining|joins|has\s+joined|to\s+join"
        rf"|is\s+now\s+part\s+of|is\s+becoming\s+part\s+of|becomes\s+part\s+of)\s+"
        r"(?P<x>(?!the\b)[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})\s*[.!]?$"
    )


@lru_cache(maxsize=1024)
def _publisher_welcomes(publisher: str) -> re.Pattern[str]:
    """ "Vercel welcomes NuxtLabs", "Reka welcomes NVIDIA and Snowflake as investors": the
    publisher, in the third person, welcomes a company (into itself, or as its backer)."""
    return re.compile(
        rf"^{_spellings(publisher)}\s+(?i:welcomes)\s+{_NAME}"
        r"(?P<as>\s+(?i:as)\s+(?i:an?\s+)?(?i:new\s+)?(?i:strategic\s+)?(?i:investors?|backers?))?"
        r"\s*[.!]?$"
    )


# "Welcoming Samsung as an investor", "Welcome, Nvidia and AMD, as strategic investors"
_WELCOME_AS_INVESTOR = re.compile(
    rf"^(?i:welcom(?:e|es|ing)),?\s+{_NAME},?\s+(?i:as)\s+(?i:an?\s+|our\s+)?(?i:new\s+)?"
    r"(?i:strategic\s+)?(?i:investors?|backers?)\s*[.!]?$"
)


def welcomes_investors(title: str, publisher: str) -> bool:
    """Whether a first-party headline welcomes companies as the publisher's investors."""
    low = title.lower()
    if "welcom" not in low:
        return False
    title = " ".join(title.split())
    if _WELCOME_AS_INVESTOR.match(title):
        return True
    found = _publisher_welcomes(publisher).match(title) if "welcomes" in low else None
    return found is not None and found.group("as") is not None


# A body that says the company welcomed becomes part of the publisher ("NuxtLabs, the team
# behind Nuxt, is joining Vercel"; "we've acquired …").
_JOINING = re.compile(
    r"\b(?:is|are)\s+joining\b|\bjoins\b|\bacquir(?:e|ed|ing)\b|\b(?:now\s+)?part\s+of\b"
    # "We're excited to welcome the Foldspace team to Tessellate"
    r"|\bwelcom(?:e|es|ing)\s+(?:the\s+)?(?:[\w.&'’-]+\s+){1,3}?team\s+(?:to|into)\b",
    _I,
)


def _spellings(publisher: str) -> str:
    """The publisher's name, or its first word alone ("Mistral" for "Mistral AI")."""
    first = publisher.split()[0]
    names = [publisher] + ([first] if first != publisher and len(first) > 2 else [])
    return "(?:" + "|".join(re.escape(n) for n in names) + ")"


@lru_cache(maxsize=1024)
def _joins(publisher: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{_NAME}\s+(?i:joins|is\s+joining|to\s+join|has\s+joined)\s+(?i:the\s+)?"
        rf"{_spellings(publisher)}(?:['’]s)?(?:\s+{_TEAM})?\b(?!\s+(?i:as|in)\b)"
    )


@lru_cache(maxsize=1024)
def _publisher_joins(publisher: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{_spellings(publisher)}\s+(?i:joins|is\s+joining|to\s+join|has\s+joined)"
        rf"\s+(?P<x>.+?\b{_SCHEME}s?)\b"
    )


_ANNOUNCEMENT = re.compile(
    rf"^{_NAME}\s+(?i:strategic\s+)?(?i:partnership|collaboration|alliance)"
    r"(?:(?i:\s+announcement)?\s*$|\s+(?i:and|&)\s+(?i:investment)\b)"
)


# A headline that is only the publisher and one other name: "OpenAI and Shopify".
@lru_cache(maxsize=1024)
def _and_alone(publisher: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{_spellings(publisher)}\s+(?:and|&)\s+{_NAME}|{_NAME}\s+(?:and|&)\s+"
        rf"{_spellings(publisher)})\s*[.!]?$".replace("(?P<x>", "(?P<x1>", 1)
    )


_GERUND_WITH = re.compile(
    rf"^{_GERUND}\b(?P<what>[^.:;]{{0,90}}?)\s+(?i:with)\s+"
    r"(?=(?:the\s+)?[A-Z])(?P<x>.+)$"
)
# Offers to another company's customers ("... a free year of Perplexity Pro through Xfinity
# Rewards", "Eligible Uber One members can now ...", "... is coming to all SK Telecom users").
_MEMBERS = r"(?i:members|users|customers|subscribers|cardholders|employees)"
_OFFERS = (
    # (not "free voices for 1,000 people with ALS": a condition)
    re.compile(
        rf"\b(?i:free|complimentary)\b[^.]{{0,40}}?(?<!people\s)(?<!patients\s)(?<!those\s)"
        rf"(?<!children\s)(?<!adults\s)\b(?i:through|with|via)\s+{_NAME}"
    ),
    re.compile(rf"\b(?i:free|complimentary)\b[^.]{{0,40}}?\b(?i:for)\s+{_NAME}\s+{_MEMBERS}\b"),
    re.compile(rf"^(?:Eligible\s+)?{_NAME}\s+{_MEMBERS}\b[^.]{{0,60}}?\b(?i:free|complimentary)\b"),
    re.compile(
        rf"\b(?i:coming|comes|available)\s+(?i:to)\s+(?i:all\s+|every\s+)?{_NAME}\s+{_MEMBERS}\b"
    ),
    # "Airtel customers get Perplexity Pro", "now included for Revolut Metal members"
    re.compile(rf"^{_NAME}\s+{_MEMBERS}\s+(?i:get|gets|can\s+now|now\s+get)\b"),
    re.compile(rf"\b(?i:included|bundled)\s+(?i:for|with)\s+{_NAME}\s+{_MEMBERS}\b"),
    # "Perplexity Publisher Program adds Le Monde and The Independent": a partners' programme
    re.compile(rf"\b(?i:program|programme)\s+(?i:adds|welcomes|expands\s+to)\s+{_NAME}"),
)


# "Bringing ChatGPT to Telenor customers …": a company named by its customers is one.
_THEIR_MEMBERS = re.compile(
    r"(?:['’]s)?\s+(?:[\d,.]+\s+(?:(?i:million|billion)\s+)?)?"
    r"(?i:members|users|customers|subscribers|cardholders)\b"  # not employees: a deployment
)


_CUSTOMERS = re.compile(r"\s+(?i:customers|subscribers|members|cardholders)\b")
_POSSESSIVE = re.compile(r"['’]s$")


# How a customer uses the publisher's product is no deal.
_CUSTOMER_STORY = re.compile(r"\bcase\s+stud(?:y|ies)\b|\bcustomer\s+stor(?:y|ies)\b|^how\s", _I)
# A programme for startups is no partnership ("Parley joins the Nvidia Inception program").
_STARTUP_SCHEME = re.compile(
    r"\b(?:inception|startups?|accelerator|incubator|founders?|residency|fellowship|launchpad)\b",
    _I,
)


_SCHEME_END = re.compile(
    rf"\b(?:{_SCHEME}|foundation|institute|summit|board|committee|fund)s?$", _I
)


_THE = re.compile(r"^the\s+")


def _name(match: re.Match[str]) -> str:
    return _THE.sub("", match.group("x").strip())


# Last words of a company's name, never a person's.
_FIRM_WORDS = frozenset(
    """labs lab ai inc technologies systems health robotics bio software studio studios networks
    data cloud security analytics ventures capital partners group dynamics therapeutics""".split()
)


def first_name_alone(name: str, text: str) -> bool:
    """Whether the body calls the one welcomed by the first of two or three words alone, as
    people are called ("Welcoming Nadia Brennan": "Nadia joins our Europe team")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not text or words[-1].lower() in _FIRM_WORDS:
        return False  # ("Welcome Marrow Labs": "Marrow is joining us" is the company)
    first = re.escape(words[0])
    return (
        re.search(
            rf"\b{first}\s+(?:joins|joined|will|has|is|was|brings|comes|spent|led|previously"
            rf"|started|built)\b",
            text[:400],
        )
        is not None
    )


def restatements(
    title: str, publisher: str, known: Callable[[str], bool], text: str = ""
) -> list[str]:
    """Plain sentences a first-party headline stands for, most specific first; none when it
    is not worded as a newsroom words a deal. ``known(phrase)``: whether a phrase starts with
    a known organisation; a company welcomed or joining needs no such proof, the other party
    of a partnership worded loosely ("Building bridges with ...") does. ``text``: the post's
    body, which tells a person welcomed (a hire) from a company."""
    title = " ".join(title.split())
    lead_in = _WELCOME_LEAD_IN.match(title)
    if lead_in and lead_in.end() and title.startswith(publisher, lead_in.start("who")):
        # "Today we're welcoming Pinewick to Gannet" (read as "Today Gannet Robotics welcoming
        # …"), "We're thrilled to welcome X to Y": the welcome itself
        title = title[lead_in.end() :]
    out: list[str] = []
    if _CUSTOMER_STORY.search(title):
        return out  # "Building a Korean LLM with Upstage: a case study"
    hire = _HIRE.search(title) or _HIRE.search(text[:400])
    # each publisher's pattern is tried (and made) only where its fixed opening can match
    low = title.lower()
    greets = low.startswith("welcom")
    opens = title.startswith(publisher.split()[0])
    joining = "join" in low
    welcome = _welcome(publisher).match(title) if greets else None
    if welcome:
        into = welcome.group("into").lower()
        verb = "acquires" if re.search(rf"{_TEAM}$", into) else "partners with"
        if verb == "partners with" or not hire:
            out.append(f"{publisher} {verb} {_name(welcome)}")
    home = greets and (
        _welcome_home(publisher).match(title) or _welcome_team(publisher).match(title)
    )
    if home and first_name_alone(_name(home), text):
        hire = home  # "Welcoming Nadia Brennan to Sequoia": "Nadia joins our Europe team …"
    if home and not welcome and not hire:
        out.append(f"{publisher} acquires {_name(home)}")
    alone = _WELCOME_ALONE.match(title) if greets and not home and not welcome else None
    if (
        alone
        and not hire
        and not first_name_alone(_name(alone), text)
        and _JOINING.search(text[:400])
    ):
        out.append(f"{publisher} acquires {_name(alone)}")
    as_investor = _WELCOME_AS_INVESTOR.match(title) if greets else None
    if as_investor:
        out.append(f"{publisher} raises funding from {_name(as_investor)}")
    welcomes = _publisher_welcomes(publisher).match(title) if opens and "welcomes" in low else None
    if welcomes and welcomes.group("as"):
        out.append(f"{publisher} raises funding from {_name(welcomes)}")
    elif welcomes and not hire and _JOINING.search(text[:400]):
        out.append(f"{publisher} acquires {_name(welcomes)}")
    bought = (
        _acquired_by(publisher).match(title) if opens and (joining or "part of" in low) else None
    )
    if (
        bought
        and not _SCHEME_END.search(bought.group("x"))
        # "ravel.ai joins NVIDIA Inception": a startup programme is joined, not a buyer
        and not _STARTUP_SCHEME.search(bought.group("x"))
    ):
        out.append(f"{bought.group('x')} acquires {publisher}")
    joins = _joins(publisher).match(title) if joining else None
    if joins and len(_name(joins).split()) == 1:  # "Jane Doe joins X" is a hire
        out.append(f"{publisher} acquires {_name(joins)}")
    scheme = _publisher_joins(publisher).match(title) if opens and joining else None
    if scheme and known(scheme.group("x")) and not _STARTUP_SCHEME.search(scheme.group("x")):
        out.append(f"{publisher} partners with {scheme.group('x')}")
    alone = _and_alone(publisher).match(title) if " and " in title or "&" in title else None
    other = (alone.group("x1") or alone.group("x")) if alone else None
    if other is not None and known(other):
        out.append(f"{publisher} partners with {_THE.sub('', other.strip())}")
    announced = _ANNOUNCEMENT.match(title)
    if announced and known(_name(announced)):
        out.append(f"{publisher} partners with {_name(announced)}")
    gerund = _GERUND_WITH.match(title)
    if gerund and known(gerund.group("x")):
        verb = (
            "forms a joint venture with"
            if _VENTURE.search(gerund.group("what"))
            else "partners with"
        )
        out.append(f"{publisher} {verb} {gerund.group('x')}")
    bringing = _BRINGING.match(title)
    if bringing and (
        known(_name(bringing)) or _THEIR_MEMBERS.match(title, bringing.end()) is not None
    ):
        out.append(f"{publisher} partners with {_POSSESSIVE.sub('', _name(bringing))}")
    for offer in _OFFERS:
        found = offer.search(title)
        # a company named by its customers or members is one ("for Airtel customers"; "Mac
        # users" are a product's)
        if found and (known(_name(found)) or _CUSTOMERS.match(title, found.end("x"))):
            out.append(f"{publisher} partners with {_name(found)}")
            break
    return out


# A newsroom announcing partners it does not name in the headline ("Announcing Comet Plus
# Launch Partners", "… Expands Publisher Program with 15 New Media Partners", "… announces
# new partnerships across the Korean AI ecosystem"): plural partners, not a "Partner Network".
PARTNERS_POST = re.compile(
    # not a crowd ("30,000 partners and customers meet"), nor one word of a list ("new
    # connectors and partners")
    r"\b(?:new|launch|media|channel|publisher|publishing|technology|strategic|first|global"
    # (nor a programme's count: "now includes 300 partners", "passes 1,000 partners")
    r"|founding|(?<![\d,.])(?<!includes\s)(?<!reaches\s)(?<!passes\s)(?<!surpasses\s)"
    r"(?<!tops\s)(?<!has\s)(?<!than\s)(?<!over\s)(?!(?:19|20)\d\d\b)\d+(?![\d,.]))"
    r"\s+(?:(?!and\b)[\w-]+\s+){0,2}?"
    r"partners(?:hips)?\b"
    # (not a crowd, nor an award: "2024 partners of the year", "partners of the year")
    r"(?!\s+and\s+(?:customers|developers|users))(?!\s+of\s+the\s+year\b)"
    r"|\bannounc\w*\s+(?:[\w-]+\s+){0,2}?partnerships\b",
    re.IGNORECASE,
)
