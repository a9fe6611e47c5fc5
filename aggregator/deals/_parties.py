"""Company names in a sentence: gazetteer hits plus capitalised names found by shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._gazetteer import TOKEN_RE, Gazetteer, Mention, token_key
from ._lexicon import (
    COUNTRIES,
    DETERMINERS,
    GENERIC_ORGS,
    INTL_STOP,
    OPENERS,
    PRONOUNS,
    REGIONAL,
    REGULATORS,
    government_name,
    is_country_adjective,
    is_german_word,
    is_ordinary,
    is_person,
    is_place,
    is_place_adjective,
    is_regional,
    romance_words,
)

# Words that are never (the start of) an unknown company name.
_STOP = frozenset(
    """
a an the and or of for to in into on at by with from as is are was were be been being has have
had it its it's their his her this that these those than then up down over out off about after
before amid among via per vs v new says said say report reports reportedly sources source
exclusive breaking update updated live analysis opinion why how what who when where which while
will would could may might can should must not no yes more most less least nearly about some
all any each both other another such own first second third last next one two three four five
deal deals agreement contract pact partnership alliance merger mergers acquisition acquisitions
acquire acquires acquired acquiring buy buys bought buying purchase purchases takeover takes
take taken sale sell sells sold stake stakes share shares stock stocks equity invest invests
invested investing investment investments investor investors backs backed backing raise raises
raised raising funding fund funds financing round rounds series seed pre-seed growth
venture ventures capital valuation valued valuing worth billion million trillion bn mn mln pct
percent cash all-stock tender offer bid bids ipo listing public debut files filed filing
licensing license licenses licensed licence licences content hire hires hired led leads lead
participation including joins join joined partners partner partnered team teams teamed signs
upsized oversubscribed
signed sign strikes struck inks inked seals sealed forms formed joint jv agree agrees agreed
announces announced announce unveils completes completed complete closes closed close terminates
talks talk plans plan planned considering considers weighs mulls explores eyes nears rejects
rejected rejects spurns abandons calls called off ends ended drops dropped scraps
startup start-up startups firm firms company companies maker makers chipmaker giant giants
rival rivals unit units division parent owner group platform provider developer lab labs
tech technology technologies software hardware cloud data center centers centre centres
infrastructure chips chip gpu gpus model models ai a.i artificial intelligence generative genai
llm chatbot robotics robot robots humanoid self-driving autonomous search app apps device devices
ceo cto cfo chief executive founder founders co-founder cofounder president chairman boss head
team staff employees engineers researchers executive executives
inc corp co ltd llc plc
also cr crore crores lakh lakhs fintech fintechs edtech healthtech insurtech proptech
us u.s u.s.a usa uk u.k eu european america american americans french france german germany
chinese china british britain japanese japan israeli israel indian india korean korea south
canadian canada saudi arabia uae emirati swiss swedish sweden dutch italian italy spanish spain
australian australia singapore taiwan taiwanese asian asia global world international
finnish finland norwegian danish irish polish brazilian mexican hong kong abu dhabi
dubai qatar qatari emirates
estonian latvian lithuanian nigerian kenyan ghanaian egyptian moroccan singaporean malaysian
indonesian vietnamese filipino pakistani bangladeshi czech slovak slovenian hungarian romanian
bulgarian croatian serbian ukrainian portuguese belgian austrian luxembourgish
icelandic chilean colombian argentine argentinian peruvian
multibillion multibillion-dollar multimillion multimillion-dollar billion-dollar million-dollar
nine-figure eight-figure ten-figure
california texas york new-york london paris berlin tokyo beijing silicon valley area
north carolina georgia ohio virginia arizona wisconsin indiana pennsylvania mississippi
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday q1 q2 q3 q4 year years
mr ms mrs dr drhp
tonnes tons cargoes cargo bales barrels bushels goods products sugar wheat corn grain rice rapeseed
soybeans soybean oil crude gas coffee cocoa beef cattle barley flour palm olein copper gold silver
aluminium aluminum tin dollars dollar yen marks bills bonds securities paper notes treasuries
currency intervention cranes aircraft jets planes ships vessels tankers equipment rights right
bonus export tender draft amount modest large small remaining outstanding common preferred
stock stocks units assets holders shareholders board directors management
exporters importers traders dealers market markets home ussr soviet
nasdaq nyse lse hkex euronext tsx asx sgx kosdaq kospi nse bse amex otc bourse exchange exchanges
shanghai shenzhen star wall street
usd eur gbp jpy cny inr chf cad aud hkd sgd krw sek nok dkk brl nzd ils aed sar rmb
gpu tpu tpus cpu cpus hbm npu asic asics api apis saas llms agi agents agent iot vr xr evs
mou mous memorandum ml m&a 5g 4g 6g lte wi-fi wifi
gigawatt gigawatts megawatt megawatts gw mw ipos program programs programme programmes countries
""".split()
)
# Tokens that may continue a name but never start one ("Foo AI", "Bar Labs").
_TRAILERS = frozenset(
    """
ai labs lab inc corp corporation co ltd llc plc group technologies technology systems capital
ventures partners holdings networks robotics health energy therapeutics security software
intelligence computing cloud data motors bank fund computer dynamics global silicon compute
semiconductor semiconductors communications telecom biosciences pharma studios
""".split()
)
# Suffixes only a company's name ends with (not "Data", "Cloud", "Security": "Open Data")
_OWN_SUFFIXES = frozenset(
    "labs inc corp ltd llc plc technologies robotics therapeutics biosciences".split()
)
# Numbers, amounts and chip or model codes are never names ("4B", "2025", "H100", "3rd").
_NUMERIC = re.compile(
    r"^(?:\d[\d.,]*(?:k|m|b|t|bn|mn|tn|mln|bln|trn|st|nd|rd|th|s|x|gw|mw|kw|gb|tb"
    r"|pb)?|[A-Z]{1,3}\d{3,4}[A-Z]{0,2})$",
    re.IGNORECASE,
)
_JOINERS = re.compile(r"^(?:\s|\s?&\s?|\s(?:and|&)\s(?=[A-Z]))?$")
_POSSESSIVE = re.compile(r"['’]s$")
_INITIALS = re.compile(r"^[A-Z](?:\.[A-Z])*$")
# Words that end a firm's name inside a sentence ("Morgan Asset Management", "Apollo Global
# Securities") though alone they name nothing.
_FIRM_ENDINGS = frozenset(
    "management securities equity investments advisors advisers company".split()
)
# Other languages: "auprès d'ASML", "menée par X", "angeführt von X", "liderada por X",
# "com participação de X", "guidato da X".
_INTL_BACKERS = (
    r"|\bauprès\s+(?:de\s+|d'\s?|du\s+|des\s+)(?:(?:la|l')\s?)?|\bavec\s+la\s+participation\s+d(?:e|u|es|')"
    r"|\b(?:men|conduit|pilot)ée?s?\s+par\b|\bangeführt\s+(?:wird\s+|wurde\s+)?(?:[\w-]+\s+){0,3}?von\b"
    r"|\bunter\s+(?:der\s+)?(?:Führung|Leitung)\s+von\b|\bmit\s+Beteiligung\s+von\b"
    r"|\b(?:lideradas?|liderados?|encabezadas?|encabezados?|capitaneadas?)\s+(?:por|pel[ao]s?)\b"
    r"|\bcon\s+la\s+participación\s+de\b|\bcom\s+(?:a\s+)?participação\s+d[aeo]s?\b"
    r"|\baporte\s+(?:de\s+)?d[aeo]s?\b|\bguidat[oaie]\s+da\b|\bcon\s+la\s+partecipazione\s+di\b"
)
_MID_SENTENCE = re.compile(r"[a-z,]\s$")
# The end of a sentence (not "J.P. Morgan": the word before the stop has two letters) or of a
# bullet: no list of backers runs past it.
_LIST_END = r"|(?<=[a-z]{2})\.\s+(?=[A-Z•·▪])|\s[•·▪]\s"
# "X holt sich 600 Millionen Euro von Y": "von" names the investors in a German sentence.
_GERMAN_BACKER_CUE = re.compile(r"\bvon\s+(?=[A-Z])")
_BACKER_CUE = re.compile(
    # not "angels from Stripe": people who work there
    r"\b(?:led|co-led|backed|funded|joined)\s+by\b"
    r"|(?<!angels\s)(?<!operators\s)(?<!executives\s)(?<!founders\s)\bfrom\b"
    r"|\bparticipation\s+(?:from|of)\b|(?<!angel\s)(?<!Angel\s)\binvestors?\s+(?:including|such\s+as"
    r"|include)\b"
    r"|\b(?:round|raise|financing|series\s+[a-k](?:-\d)?)\s+(?:also\s+)?(?:drew|draws|attracted"
    r"|attracts|included|includes)\b"
    # "Blackbird led the round, with Square Peg and Main Sequence": who joined the lead
    r"|\b(?:led|leads|is\s+leading)\s+(?:the|this|its)\s+(?:[\w$.-]+\s+){0,3}?(?:round|raise"
    r"|financing|investment"
    r"|series\s+[a-k](?:-\d)?)\s*,?\s+(?:with|alongside)\b"
    r"|\bincluding\b" + _INTL_BACKERS,
    re.IGNORECASE,
)
# Cues that name backers only as the sentence's first: "from", "including" ("… led by X, for
# customers including Y": no backer).
_LOOSE_CUE = re.compile(r"from|including", re.IGNORECASE)
_BACKER_STOP = re.compile(
    r"\s(?:at|to|for|valuing|amid|after|in\s+a)\s|[;:]|\((?!(?:co-)?leads?\)|lead\s+investor\))"
    r"|\b(?:angels?|operators|executives|founders|alumni)\s+(?:from|of|at)\b"
    # "… and angel investors including several former Datadog executives": people
    r"|\b(?:angel|individual)\s+investors?\b|\b(?:former|ex-)\s*(?=[A-Z])"
    # the sentence or the bullet ends ("… led by Bessemer. • Quorra Health raised …")
    + _LIST_END
    + r"|,\s+(?:[\w.]+\s+){1,3}?(?:has|have)\s+learned|,\s+(?:according|sources"
    r"|people|the\s+company|it|he|she|they|said|says)\b"
    r"|\s(?:pour|afin|für|um|para|per|valoris\w*|bewert\w*|valorad\w*|avaliad\w*)\s"
    # "Lumen, backed by Sequoia, raises …": a comma and a verb end the list (a list goes on
    # with a name, "and", "with participation from", …)
    r"|,\s+(?!(?:and|with|as|plus|alongside|along|including|among|both|also|existing|new"
    r"|other|returning|previous|prior|early|former|current|additional|strategic|angel|notable"
    r"|investors?|backers?|participation|support|funds?|partners?)\b)[a-z]"
    # "led by Coldstream Capital and Glean acquired Nettle", "from Sandbar Ventures, Brisk
    # closed a $30M Series A": a name with a deal verb of its own starts another story
    r"|(?:,|\s+and)\s+(?:[A-Z][\w.&'’-]*\s+){1,3}?(?:acquired|acquires|bought|buys|raised"
    r"|raises|closed|closes|took|takes|merged|merges|signed|signs|landed|lands|secured"
    r"|secures|launched|launches)\b"
)
_BACKED = re.compile(r"([A-Z][\w.&]*(?:\s[A-Z][\w.&]*)*)-(?:backed|owned|funded|led)\b")


@dataclass(frozen=True)
class Casing:
    """How capitals can be trusted: ``caps`` for ALL-CAPS text; then ``proper`` (when
    known, from the story body) lists the lower-cased words seen capitalised mid-sentence."""

    caps: bool = False
    proper: frozenset[str] | None = None
    # Title Case text: a capital says nothing about a word. ``body``: the story body, whose
    # words written with a capital inside a sentence are names (read only when asked).
    title: bool = False
    body: str = ""
    # The sentence's language when it is not English (``_lexicon.language``): "de" (every
    # German noun has a capital: a frequent German word is no name wherever it stands) or
    # "ro" (French, Spanish, Portuguese, Italian: a frequent word is no name as the first word).
    lang: str | None = None

    def confirms(self, key: str) -> bool:
        """Whether the body writes ``key`` (lower case) capitalised inside a sentence."""
        return bool(self.body) and key in body_words(self.body)


def proper_words(text: str) -> frozenset[str]:
    """Words written with a capital inside sentences of a mixed-case text (true-casing)."""
    return frozenset(
        token_key(m.group(0)) for m in TOKEN_RE.finditer(text) if m.group(0)[0].isupper()
    )


_FUNCTION = frozenset("with from into onto upon over than that this amid about after".split())
_SENTENCE_END = frozenset('.!?:;|"“([{—–-')


def is_title(text: str) -> bool:
    """True for Title Case headlines ("Announcing Our Global Partnership With Motorola")."""
    words = [
        w
        for w in TOKEN_RE.findall(text)[1:]
        if len(w) >= 4 and w.isalpha() and w.lower() not in _FUNCTION
    ]
    upper = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and upper >= 0.8 * len(words)


def _initial(text: str, pos: int) -> bool:
    """Whether the token at ``pos`` starts a sentence, a clause after a colon or dash, or a
    digest item after an emoji, or follows "our"/"their"/... (so its capital is no evidence
    of a name)."""
    before = text[max(0, pos - 24) : pos].rstrip()  # a short look back: O(1) per token
    if not before:
        return not text[:pos].strip()
    last = before[-1]
    if last in _SENTENCE_END or not (last.isalnum() or last in ",'’&)$%§¤¦"):
        return True
    words = before.rsplit(None, 1)
    return (len(words) == 2 or pos <= 24) and words[-1].lower() in DETERMINERS


@lru_cache(maxsize=256)
def body_words(body: str) -> frozenset[str]:
    """``confirmed_words`` of a body's first 1,200 characters, remembered: the headline and
    each lead sentence of a story ask about the same body."""
    return confirmed_words(body[:1200])


def confirmed_words(text: str) -> frozenset[str]:
    """Words a mixed-case text writes with a capital inside a sentence (not first), or first
    but described by an aside or owning the next word ("Glimmer, which makes …", "Marlin's
    founders will join …")."""
    return frozenset(
        token_key(m.group(0))
        for m in TOKEN_RE.finditer(text)
        if m.group(0)[0].isupper()
        and (
            not _initial(text, m.start())
            or _DESCRIBED_FIRST.match(text, m.end()) is not None
            or m.group(0).endswith(("'s", "’s"))
        )
    )


# A sentence's first word that a name must be: an aside describes it ("Glimmer, which makes
# AI slides, …", "Fathom, a startup that …") or it owns what follows ("Marlin's founders").
# A press release's "Aperture Bio, a developer of …", "Granite & Gold Capital today announced",
# "Fjällvik Bioinformatics AB (publ) today announced": the rest of the name, its legal form
# and a bracket may come between the first word and the aside.
_DESCRIBED_FIRST = re.compile(
    r"(?:(?:\s+|\s?&\s?)(?-i:[A-Z])[\w&.'’-]*){0,4}?(?:,?\s+(?:Inc|Corp|Ltd|LLC|AB|plc|GmbH|AG|SA)\.?)?"
    r"(?:\s+\([^()]{1,40}\))?"
    r"(?:,\s+(?:which|who|whose|an?\s+(?:[\w-]+\s+){0,3}?(?:startup|start-up|company|firm|maker"
    r"|provider|developer|platform|lab|leader|pioneer|manufacturer|supplier|specialist|operator"
    r"|studio|agency|shop|fund|investor|holding\s+company))\b"
    r"|(?<=\.)\s+announced\b|\s+today\s+(?:announced|said|unveiled|launched|introduced|named|signed|completed|closed"
    r"|reported|entered)\b|['’]s\s)"
)


def is_caps(text: str) -> bool:
    """True for ALL-CAPS headlines (Reuters style)."""
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    return upper + lower >= 8 and upper >= 0.85 * (upper + lower)


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def _namey(token: str, casing: Casing, initial: bool = False, followed: bool = False) -> bool:
    """Whether ``token`` may be (the start of) a company name. ``initial``: it starts a
    sentence; ``followed``: a capitalised word comes right after it ("General Electric")."""
    key = token_key(token)
    if key in _STOP or key in _TRAILERS or "§" in token or _NUMERIC.match(key) or key in PRONOUNS:
        return False
    if casing.caps:
        return key in casing.proper if casing.proper is not None else token[0].isalpha()
    if not (token[0].isupper() or any(c.isupper() for c in token[1:])):
        return False
    if key.endswith("ly") and _raw(token)[1:].islower() and is_ordinary(key):
        return False  # "Lambda Confidentially Files for US IPO": an adverb is no name
    if casing.lang is not None and _foreign_word(key, casing.lang):
        return False
    suspect = casing.title or (
        initial
        and (not followed or key in PRONOUNS or (len(key) > 5 and key.endswith(("ing", "ly"))))
    )
    if (
        suspect
        and _raw(token)[1:].islower()
        and (is_ordinary(key) or (casing.lang == "ro" and key in romance_words()))
    ):
        # "Deepening our partnership", "Partnering With Scale to Bring ...": a capital that
        # only starts a sentence or a Title Case word; a name if the body writes it so.
        return casing.confirms(key)
    return True


def _raw(token: str) -> str:
    return _POSSESSIVE.sub("", token)


def _foreign_word(key: str, lang: str) -> bool:
    """A word of a sentence in another language that is never a name: a function word,
    "IA"/"KI", a place adjective, or (German) any frequent German word or compound."""
    return (
        key in INTL_STOP
        or is_place_adjective(key)
        or (lang == "de" and key.isalpha() and is_german_word(key))
    )


# What may follow a company name that starts a sentence: another capitalised word ("General
# Electric"), a verb ("Telegram strikes", "Quill joining forces"), "to", "and", "&".
# Endings that make the words before them a company name even where capitals say nothing
# ("Foo Ventures", "Orbital Systems" in a Title Case headline).
_NAMING_TRAILER = re.compile(
    r"(?:\s+[A-Z][a-z]+)*?\s+(?:Ventures|Capital|Partners|Labs?|Systems|Technologies|Holdings"
    r"|Group|Robotics|Networks|Therapeutics|Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC"
    r"|Dynamics|Motors|Bank|Fund|Institute|University|Foundation|Agency|Laboratory|Council"
    r"|Ministry|Compute|Semiconductor|Biosciences|Analytics|GmbH|AG|SE)\b"
)
# A legal form at the end: the capitalised words before it are the registered name, even one
# that starts with a word that names no company alone ("Software Applications Incorporated").
_LEGAL_TRAILER = re.compile(
    r"(?:\s+[A-Z][a-z]+)*?\s+(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|PLC|GmbH)\b"
)


# A number that opens an investor's name: "1789 Capital", "2048 Ventures".
_NUMBERED_FIRM = re.compile(r"\s+(?:Capital|Ventures|Partners)\b")


def _suffixed(text: str, m: re.Match[str], casing: Casing) -> bool:
    token = m.group(0)
    key = token_key(token)
    if token.isdigit():
        return not casing.caps and bool(_NUMBERED_FIRM.match(text, m.end()))
    if casing.caps or not token[0].isupper() or key in PRONOUNS or key.endswith(("ing", "ly")):
        return False
    if key in _STOP:
        return key in _TRAILERS and bool(_LEGAL_TRAILER.match(text, m.end()))
    return bool(_NAMING_TRAILER.match(text, m.end()))


_ORDINALS = frozenset("first second third".split())

# A lowercase brand: a domain-like name ("hyperion.ai", "lumen.dev") or letters with a digit
# ("q9") anywhere; a plain lowercase word ("ember") only where a sentence starts, right before
# a deal verb ("ember raises $40 million").
_DOMAIN_BRAND = re.compile(r"[a-z][a-z\d-]*\.(?:ai|io|dev|ly|so|app|sh|xyz|co|tech|run|inc)")
_DIGIT_BRAND = re.compile(r"[a-z]{1,3}\d{1,2}[a-z]?")
_BRAND_VERB = re.compile(
    r" (?:raises|secures|lands|nets|bags|gets|picks\s+up|closes|acquires|buys|partners"
    r"|teams\s+up|joins\s+forces|signs|inks)\b"
)


def _lower_brand(full: str, offset: int, m: re.Match[str], casing: Casing) -> bool:
    token = _raw(m.group(0))
    if casing.caps or not token.islower() or token_key(token) in _STOP:
        return False
    if _DOMAIN_BRAND.fullmatch(token) or _DIGIT_BRAND.fullmatch(token):
        return True
    if not token.isalpha() or len(token) <= 2:
        return False
    at = offset + m.start()
    if _initial(full, at):
        return bool(_BRAND_VERB.match(full, offset + m.end()))
    # "Sable Systems has agreed to acquire kitefin": a word no dictionary knows, right after a
    # deal verb, that ends the clause
    return (
        len(token) > 3
        and not is_ordinary(token_key(token))
        and bool(_BRAND_OBJECT_VERB.search(full, max(0, at - 24), at))
        and bool(_BRAND_OBJECT_END.match(full, offset + m.end()))
    )


_BRAND_OBJECT_VERB = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buys|bought|acquisition\s+of|partners?\s+with"
    r"|partnership\s+with|invests?\s+in|investment\s+in)\s+$"
)
_BRAND_OBJECT_END = re.compile(r"\s*(?:$|[,;:.!?]|\s(?:for|in|to|from|and)\b)")


# A number that ends a name written with a space ("Kestrel 7 raises", "Unit 42 Robotics"):
# a short number after one capitalised word, before a verb, a comma or another capitalised
# word; not a round, a version, a date or a quantity ("Series 2", "Dec 10", "Gemini 3 Pro").
_NUMBER_ENDED = re.compile(r"\d{1,3}(?= (?:[a-z]{3,}\b|[A-Z][a-z])|,)")
_FOLLOWED_NUMBER = re.compile(r" \d{1,3}(?:,| (?:[A-Z][a-z]|[a-z]{3,}s\b))")
_NUMBER_NOT_AFTER = frozenset(
    """series round phase stage gen version v q top class tier level day week chapter part
issue no number vol episode season figure jan feb mar apr jun jul aug sep sept oct nov dec
gemini llama gpt claude grok qwen mistral pixel iphone galaxy windows ios android macos
import covid section article rule form item""".split()
)
_NUMBER_NOT_BEFORE = re.compile(
    r" (?:percent|per|million|billion|trillion|crore|lakh|years?|months?|weeks?|days?|hours?"
    r"|minutes?|times|points?|places?|spots?|of|to|and|or|in|on|at|for|from|by|is|are|was|were"
    r"|has|have|had|will|would|can|could|new|more|most|top|other|others)\b"
)


def _numbered_name(
    full: str, at: int, m: re.Match[str], run: list[re.Match[str]], casing: Casing
) -> bool:
    """ "Kestrel 7 raises $48M": the number belongs to the one-word name before it (``at``:
    where the piece read starts in ``full``)."""
    if casing.caps or len(run) != 1 or token_key(run[0].group(0)) in _NUMBER_NOT_AFTER:
        return False
    ended = _NUMBER_ENDED.match(full, at + m.start())
    if ended is None or ended.end() != at + m.end():
        return False
    return not _NUMBER_NOT_BEFORE.match(full, at + m.end())


def _ordinal_name(full: str, offset: int, m: re.Match[str], casing: Casing) -> bool:
    """ "Cohere and Second Front": an ordinal written with a capital inside a sentence-case
    sentence, before another capitalised word, starts a name."""
    token = m.group(0)
    return (
        token_key(token) in _ORDINALS
        and token[0].isupper()
        and not casing.caps
        and not casing.title
        and not _initial(full, offset + m.start())
        and bool(re.match(r" [A-Z]", full[offset + m.end() : offset + m.end() + 2]))
    )


# Countries and cities (never a name alone, `_STOP`) that begin a company's name when a
# capitalised word no list knows follows them: "Korea Zinc", "Japan Airlines", "Texas
# Instruments". Adjectives do not ("Korean startup Rebellions").
_NAMING_PLACES = frozenset(
    """korea japan china india france germany italy spain canada australia singapore taiwan
    israel britain sweden finland qatar dubai london paris berlin tokyo beijing shanghai shenzhen
    texas california virginia arizona""".split()
)
_PLACE_NEXT = re.compile(r" ([A-Z][\w'’.-]*)")


def _place_named(text: str, m: re.Match[str], casing: Casing) -> bool:
    """Whether the place ``m`` starts a name: a capitalised word that may start one follows
    it in text whose capitals can be trusted (not Title Case, not capitals)."""
    if casing.caps or casing.title or token_key(m.group(0)) not in _NAMING_PLACES:
        return False
    if not m.group(0)[0].isupper() or _POSSESSIVE.search(m.group(0)):
        return False  # "Japan's Hoshi Semiconductor": Hoshi Semiconductor
    after = _PLACE_NEXT.match(text, m.end())
    return (
        after is not None
        and token_key(after.group(1)) not in _STOP
        and _namey(after.group(1), casing, followed=True)
    )


_FOLLOWED = re.compile(
    r" (?:[A-Z]|[a-z]+s\b|[a-z]+ing\b|to\b|and\b|&"
    # a newsletter's past tense: "Fable raised $20M from Khosla", "Ledgerly acquired Quill"
    r"|(?:raised|acquired|bought|landed|secured|closed|signed|partnered|merged|invested|sold"
    r"|snagged|bagged|netted|picked\s+up|teamed\s+up|agreed|filed|debuted)\b)"
)
# The same in another language: a conjunction, an auxiliary or a deal verb follows the first
# word ("Pigment lève", "Orange et OpenAI", "Stone é comprada", "Santander invierte").
_FOLLOWED_INTL = re.compile(
    r" (?:et|und|y|e|ed|a|est|sera|ist|wird|hat|es|fue|será|é|foi|è|ha|se|s'|lève\w*|levé\w*"
    r"|rach[èe]t\w*|acqui[eè]r\w*|investi\w*|prend\w*|sign\w*|noue\w*|boucl\w*|obtient|d[ée]croch\w*"
    r"|fusionn\w*|sammel\w*|erh[äa]lt|holt|übernimmt|kauf\w*|erwirbt|beteilig\w*|kooperier\w*"
    r"|schlie(?:ß|ss)\w*|capt\w*|levant\w*|recaud\w*|cierra|compr\w*|adquier\w*|adquir\w*"
    r"|invierte\w*|firma\w*|entra\w*|fecha\w*|receb\w*|aport\w*|raccogli\w*|acquisisc\w*|rileva"
    r"|chiude|ottiene|collabora\w*|nega|niega|dément|dementiert|plant|prépare|prepara"
    r"|negocia\w*|négocie)\b"
)


# Plural kinds of organisation: a name ending in one names several ("Research Institutes").
_PLURAL_KINDS = frozenset(
    """institutes governments companies universities
agencies ministries departments firms startups councils""".split()
)
_COLLECTIVE = re.compile(
    r"\s+(?:ecosystem|industry|sector|community|scene|market|startups|companies"
    r"|firms|players|outfits|talent|leaders|landscape)\b"
)
_OWNS = re.compile(r"['’]s\s+$")
_STATE_OF = re.compile(
    r"\b((?i:state|commonwealth|kingdom|republic|province|city|government"
    r"|people['’]s\s+republic))\s+of\s+(?:the\s+)?$"
)
_GOVERNMENT = re.compile(r"\s+(?:[Gg]overnment|GOVERNMENT)\b")
# A country joined to a name by "and" / "&" ("Anthropic and Iceland", "Greece and OpenAI"):
# the country stands for its government.
_COUNTRY_NAME = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(c) for c in COUNTRIES), key=len, reverse=True))
    + r")\b(?!['’-])"
)


_COUNTRY_SIGNS = re.compile(
    r"\s+(?:signs?|inks?|partners?|teams?\s+up|strikes?|seals?|agrees?|forms?|enters?"
    r"|launch(?:es)?|and\s+[A-Z][\w.&'’-]*\s+(?:sign|ink|partner|team\s+up|strike|seal|agree|form))\b"
)
# The short names of countries the country list leaves out (they are read elsewhere as
# acronyms), when they open a headline and sign
_SHORT_COUNTRY_SIGNS = re.compile(
    r"^\W*?\s*(UK|U\.K\.|Britain|US|U\.S\.|America)" + _COUNTRY_SIGNS.pattern
)
_CLAUSE_OPEN = re.compile(r"(?:^|[:|;]\s*|\W\s)$")


def _with_countries(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """Countries the shape reader skips ("Canada", "Japan" are no names alone) that are
    joined by "and" to a company found here, or to a name that is not another country
    ("Canada and UK Governments"), not "US and China"; or that a company partners or signs
    with ("partners with Qatar", ``_PARTNER_WITH_BEFORE``)."""
    out = list(found)
    for m in _COUNTRY_NAME.finditer(text, start, end):
        # "United Arab" read by shape out of "the United Arab Emirates" is part of the country
        part = [f for f in found if not f.known and m.start() <= f.start and f.end < m.end()]
        if any(f.start < m.end() and m.start() < f.end and f not in part for f in found):
            continue
        before = _JOINED_BEFORE.search(text, 0, m.start())
        after = _JOINED_AFTER.match(text, m.end())
        if (
            (
                before
                and any(
                    f.end == before.start() + 1 and not f.name.startswith("Government of")
                    for f in found
                )
            )
            or (after and not _COUNTRY_NAME.match(text, after.end() - 1))
            or (_PARTNER_WITH_BEFORE.search(text, max(0, m.start() - 60), m.start()))
            # "Britain signs a sovereign compute deal with Nscale", "India partners with
            # Nvidia": a country that opens the sentence and signs
            or (
                (
                    not text[: m.start()].strip(" :-–—|").strip()
                    or _CLAUSE_OPEN.search(text, max(0, m.start() - 3), m.start())
                )
                and _COUNTRY_SIGNS.match(text, m.end())
            )
        ):
            out = [f for f in out if f not in part]
            out.append(Mention(m.start(), m.end(), f"Government of {m.group(0)}", known=False))
    return sorted(out, key=lambda x: x.start)


def _with_capitals(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """A capital a deal is struck with, for its government ("deal with Ottawa")."""
    out = list(found)
    for m in _CAPITAL_DEAL.finditer(text, start, end):
        where = m.start("city")
        if not any(f.start <= where < f.end for f in out):
            country = _CAPITALS[m.group("city")]
            out.append(Mention(where, m.end("city"), f"Government of {country}", known=False))
    subject = _CAPITAL_SUBJECT.match(text) if start == 0 else None
    if subject is not None:  # "Ottawa to invest $240-million in Cohere"
        out = [f for f in out if not f.start < subject.end("city")]
        country = _SUBJECT_CAPITALS[subject.group("city")]
        name = f"Government of {'the ' if country == 'United States' else ''}{country}"
        out.append(Mention(0, subject.end("city"), name, known=False))
    return sorted(out, key=lambda x: x.start)


# Capitals that business news writes for their country's government when a deal is struck
# with it ("Cohere strikes $240-million deal with Ottawa"); never a city where companies
# have offices as often as not (London, Paris, Tokyo, Washington).
_CAPITALS = {
    "Ottawa": "Canada",
    "Canberra": "Australia",
    "Beijing": "China",
    "New Delhi": "India",
    "Wellington": "New Zealand",
    "Riyadh": "Saudi Arabia",
    "Brasília": "Brazil",
    "Brasilia": "Brazil",
}
# A capital that opens a headline and puts money in a company is its government ("Ottawa to
# invest $240-million in Cohere", "Washington to take 10% stake in Intel"); the capitals of
# ``_CAPITALS`` and those whose government business news names so when it invests.
_SUBJECT_CAPITALS = {
    **_CAPITALS,
    "Washington": "United States",
    "Tokyo": "Japan",
    "Seoul": "South Korea",
    "Berlin": "Germany",
    "Paris": "France",
}
_CAPITAL_SUBJECT = re.compile(
    r"^\s*(?P<city>"
    + "|".join(sorted(_SUBJECT_CAPITALS, key=len, reverse=True))
    + r")\s+(?:to\s+|will\s+)?(?:invest|invests|take|takes|back|backs|inject|injects|buy|buys"
    r"|acquire|acquires)\b"
)
_CAPITAL_DEAL = re.compile(
    r"\b(?:deal|agreement|contract|pact|MOU|MoU|memorandum(?:\s+of\s+understanding)?|partnership"
    r"|talks|negotiations)\s+with\s+(?P<city>"
    + "|".join(sorted(_CAPITALS, key=len, reverse=True))
    + r")\b(?!['’-])(?!\s+(?:[\w-]+\s+)?(?:startup|start-up|firm|company|maker|developer|lab|giant"
    r"|chipmaker|based|group|unit|office|AI)\b)"
)


# A name ending in one of these words is a place, not an organisation.
_GEOGRAPHY = frozenset(
    """river valley lake bay county island islands mountain mountains park street road avenue
    airport harbor harbour beach coast peninsula canyon creek desert bayshore shore shores
    waterfront village district plaza heights campus""".split()
)
_COUNTRY_OWNS = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+$")
_CHIP_CODE_AFTER = re.compile(r"\s+[A-Z]{1,3}\d{2,4}[A-Z]{0,2}\b")
_COUNTRY_BEFORE = re.compile(r"\b([A-Z][\w.]*)\s+$")
_JOINED_BEFORE = re.compile(r"[A-Za-z0-9.)]\s+(?:and|&)\s+(?:the\s+)?$")
_JOINED_AFTER = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z]")


def _of_name(name: str, text: str, end: int, after: re.Match[str]) -> str:
    """ "Department" + " of Energy" as written: "Department of Energy", "Secretaría de
    Economía" (its own joint word, "the"/"la" dropped)."""
    joint = text[end : after.start(1)].split()[0]
    return f"{name} {joint} {after.group(1).strip()}"


# "State Department of Labor", "Secretaría de Economía", "Ministère de l'Économie"
_OF_NAME = re.compile(
    r"\s+(?:of|de|del|do|da|des|du|della|für)\s+(?:the\s+|la\s+|l['’]|le\s+)?"
    r"((?:[A-ZÀ-Ý][\w.]*(?:\s(?=[A-ZÀ-Ý]))?)+)"
)
_LANGUAGE_AFTER = re.compile(r"[ -]languages?\b")
# A country a company partners or signs with stands for its government ("Scale AI partners
# with Qatar", "signs an MoU with Greece"); not "expands to Japan", "ships in Canada".
_PARTNER_WITH_BEFORE = re.compile(
    r"\b(?:partner(?:s|ed|ing)?|team(?:s|ed|ing)?\s+up|join(?:s|ed|ing)?\s+forces"
    r"|collaborat(?:e|es|ed|ing)|agreements?|MoUs?|MOUs?|memorandum\s+of\s+understanding"
    r"|partnerships?|alliance)\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
_KINDS_OF_AI = frozenset(
    """agentic generative physical multimodal conversational sovereign responsible trustworthy
    enterprise edge embodied applied frontier open""".split()
)


_KIND_OF_STARTUP = re.compile(r"\s+(?:[Ss]tartup|[Ss]tart-[Uu]p)\s+(?=[A-Z])")
# "This 24-Year-Old's AI Startup Just Raised $50 Million": words that go on with the sentence
_NOT_AFTER_KIND = frozenset(
    """just now also finally officially quietly reportedly secretly that which who whose is
    are has have was were will would could may might can to in on for with from and or the
    its their says said gets got lands landed nabs bags secures secured""".split()
)
_AFTER_KIND = re.compile(r"(?<![\w-])(?:Startup|Start-[Uu]p|Unicorn|Chipmaker|Rival)\s$")


def _a_place(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether a name ending in a word of geography is a place ("the Hudson River", "Three
    Mile Island", "Silicon Valley's", "County records show …"): it is, unless the text says
    it is a company: described as one ("photonics startup Lumen Harbor"), owning a thing
    ("licenses Harbor's voice models"), or doing a deal ("Lumen Harbor licenses …",
    "Sanctuary Bay raises …", "Helix Harbor and Eli Lilly sign …")."""
    if _WHERE_BEFORE.search(text, max(0, start - 12), start) is not None:
        return True
    if " ".join(words) in _KNOWN_PLACES or _COLLECTIVE.match(text, end):
        return True
    if len(words) == 1 and _initial(text, start):
        return True  # a sentence's first word: its capital is no evidence
    return not (
        _FIRM_BEFORE.search(text, max(0, start - 16), start)
        or _THING_OWNED.match(text, end)
        or _DEAL_DONE.match(text, end)
    )


_WHERE_BEFORE = re.compile(
    r"(?:^|\s)(?:the|in|at|on|near|across|around|outside|throughout|from|to|of)\s+$", re.IGNORECASE
)
_KNOWN_PLACES = frozenset(
    ["Wall Street", "Silicon Valley", "Bay Area", "Pearl Harbor", "Research Triangle Park"]
)
_FIRM_BEFORE = re.compile(
    r"\b(?:startup|start-up|company|firm|maker|developer|provider|operator|rival|lab|labs|outfit"
    r"|specialist|unicorn)\s+$",
    re.IGNORECASE,
)
_THING_OWNED = re.compile(
    r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:models?|team|founders|staff|tech"
    r"|technology|platform|patents?|software|library|api|apps?|products?|tools?|voices?|chips?"
    r"|data|engine|agents?|series\s+[a-h]|round|seed|shares|stake|acquisition|ipo)\b"
)
_DEAL_DONE = re.compile(
    r"\s+(?:(?:has|have)\s+)?(?:raises|raised|signs|signed|licen[cs]es|licen[cs]ed|acquires"
    r"|acquired|buys|bought|lands|landed|secures|secured|partners|teams|inks|inked|closes"
    r"|closed|agrees|agreed|strikes|struck|sells|sold|merges|merged|bags|nabs|snags|prices"
    r"|priced|files|filed|lists|listed|debuts|goes\s+public|shares|stock|IPO)\b"
    r"|\s+(?:and|&)\s+(?-i:[A-Z])"
)


def _organisation(text: str, start: int, end: int, name: str) -> tuple[int, int, str] | None:
    """The organisation a run of capitalised words names, or None: a place alone is not one
    ("Seoul"), a generic noun only with what says which one ("UK Government", "Government
    of Canada")."""
    words = name.split()
    if name.lower() in REGULATORS or is_regional(name):
        return None  # "Sebi", "Cabinet", "Nordic AI": no party
    if _PLURAL_ACRONYM.fullmatch(name):
        return None  # "not from VCs", "GPUs", "LLMs": a plural of a common noun
    if words[-1].lower() in _GEOGRAPHY and _a_place(text, start, end, words):
        return None  # "the Monongahela River", "Research Triangle Park", "the Harbor": a place
    if len(words) > 1 and words[-1] == "AI" and is_place(" ".join(words[:-1])):
        return None  # "Montreal AI start-up Vendora": where, not who
    if len(words) == 2 and words[1] == "AI" and words[0].lower() in _KINDS_OF_AI:
        return None  # "to Scale Agentic AI in Banking": a kind of AI, no company
    if name == "Governments":
        # "Canada and UK Governments": the government of each country named
        country = _COUNTRY_BEFORE.search(text, 0, start)
        if country is not None and _JOINED_BEFORE.search(text, 0, country.start(1)):
            word = country.group(1)
            if word in COUNTRIES or is_country_adjective(word.lower()):
                named = government_name(f"{word} Government") or f"{word} Government"
                return country.start(1), end, named
    if (
        len(words) > 1
        and words[-1].lower() in _PLURAL_KINDS
        and all(
            is_ordinary(token_key(w))
            or is_place(w)
            or w.lower() in REGIONAL
            or (w.isupper() and len(w) <= 3)
            for w in words[:-1]
        )
    ):
        return None  # "Research Institutes", "UK Governments": several
    if all(w.lower() in GENERIC_ORGS for w in words) and words[-1].lower() in _PLURAL_KINDS:
        return None  # "UK Governments", "Companies": several, none named
    if all(w.lower() in GENERIC_ORGS for w in words):
        before = re.search(r"((?:[A-Z][\w.]*\s+){1,3}?)$", text[:start])
        after = _OF_NAME.match(text, end)
        whose = _COUNTRY_OWNS.search(text, 0, start)
        if whose is not None and is_place(whose.group(1)):
            # "Iceland's Ministry of Education", "Kuwait's Ministry of Communications"
            name, start = f"{whose.group(1)} {name}", whose.start(1)
            if after:
                return start, after.end(1), _of_name(name, text, end, after)
            return start, end, name
        if before and (
            is_place(before.group(1).strip())
            or before.group(1).strip().isupper()
            or before.group(1).strip().endswith(("an", "ish", "ese", "i"))
            or is_country_adjective(before.group(1).strip().lower())  # "French", "Greek"
        ):
            name, start = f"{before.group(1).strip()} {name}", before.start(1)
        elif not after:
            return None
        if after:  # "US Department of Energy", "Government of Canada"
            return start, after.end(1), _of_name(name, text, end, after)
        return start, end, name
    if _COLLECTIVE.match(text, end):
        return None  # "the Nordic AI ecosystem", "Munich AI outfits X"
    if _CHIP_CODE_AFTER.match(text, end):
        return None  # "will supply Instinct MI450 accelerators": a product line, not its maker
    if name in COUNTRIES and (
        _JOINED_BEFORE.search(text, 0, start) or _JOINED_AFTER.match(text, end)
    ):
        return start, end, f"Government of {name}"  # "Anthropic and Iceland announce"
    if is_place(name):
        of = _STATE_OF.search(text, 0, start)
        if of is not None and of.end() == start:  # "the state of Maryland"
            return of.start(1), end, f"{of.group(1).title()} of {name}"
        government = _GOVERNMENT.match(text, end)
        if government is None:
            return None
        return start, government.end(), f"{name} Government"
    after = _OF_NAME.match(text, end) if words[-1].lower() in GENERIC_ORGS else None
    if after:  # "State Department of Labor"
        return start, after.end(1), _of_name(name, text, end, after)
    return start, end, name


# "Men's Wearhouse", "People's Bank", "Children's Place": a plural of people owning the next
# capitalised word starts a name instead of ending one
_CODE_AFTER = re.compile(r"-\d")
_PEOPLE_OWN = frozenset("men women children people kids ladies workers farmers".split())
_NEXT_CAPITAL = re.compile(r" [A-Z][a-z]")


_NEXT_WORD = re.compile(r"\s+((?-i:[A-Z])[\w&.-]*)")


def _possessive_name(text: str, m: re.Match[str], casing: Casing) -> bool:
    """A possessive that is part of a name: the body writes "Angie's List" as its subject,
    described by an aside ("Angie's List, which offers …") or with its legal form."""
    if not casing.body or casing.caps or is_place(_raw(m.group(0))):
        return False  # ("Lyon's Quillstack, which makes …": a city's company)
    after = _NEXT_WORD.match(text, m.end())
    if after is None:
        return False
    name = re.escape(_raw(m.group(0)))
    return (
        re.search(
            rf"\b{name}['’]s\s+{re.escape(after.group(1))}(?:,\s+(?:which|who|an?|the)\b"
            r"|\s+(?:Inc|Corp|Ltd|LLC)\b)",
            casing.body[:600],
        )
        is not None
    )


def _people_owned(text: str, m: re.Match[str]) -> bool:
    return token_key(m.group(0)) in _PEOPLE_OWN and bool(_NEXT_CAPITAL.match(text, m.end()))


def _unknown(text: str, offset: int, casing: Casing, full: str) -> list[Mention]:
    """Names by shape in ``text`` (a piece of ``full`` starting at ``offset``)."""
    found: list[Mention] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        if (
            run
            and token_key(run[0].group(0)) in OPENERS
            and _initial(full, offset + run[0].start())
        ):
            # "Inside Glade's $40M Series B": Glade; "Today Anthropic is announcing …" (a
            # newsroom's "Today we're announcing"): nobody
            del run[0]
        if (
            run
            and token_key(run[-1].group(0)) in _PEOPLE_OWN
            and _POSSESSIVE.search(run[-1].group(0))
        ):
            run.pop()  # "People's Lending" in Title Case, "Lending" no name: "People" is none
        if run:
            start, end = run[0].start(), run[-1].end()
            name = _POSSESSIVE.sub("", text[start:end])
            if text[max(0, start - 4) : start] == "The " and (
                (name.endswith(" Company") and len(run) > 1)
                # a capital "The" inside a sentence is the name's ("licensing agreements with
                # The Morning Ledger")
                or (
                    not casing.title
                    and not casing.caps
                    and _MID_SENTENCE.search(text, 0, max(0, start - 4)) is not None
                )
            ):
                start, name = start - 4, f"The {name}"  # "acquires The Browser Company"
            if casing.caps:  # Reuters style: no place or generic-noun check
                name = " ".join(w.capitalize() if len(w) > 3 else w for w in name.split())
                found.append(Mention(offset + start, offset + end, name, known=False))
            elif not found or offset + start >= found[-1].end:  # not inside "X of Y"
                org = _organisation(full, offset + start, offset + start + len(name), name)
                if org is not None and found and org[0] < found[-1].end:
                    found.pop()  # "Iceland's Ministry of Education" holds "Iceland"
                if org is not None:
                    found.append(Mention(*org, known=False))
            run.clear()

    for m in TOKEN_RE.finditer(text):
        token = m.group(0)
        if (
            not casing.caps
            and token.isupper()
            and len(token) <= 5
            and _CODE_AFTER.match(text, m.end())
        ):
            flush()  # "GLP-1", "PD-1", "GPT-5": a drug target's or a model's code, no company
            continue
        if not run and _place_named(text, m, casing):
            run.append(m)  # "Korea Zinc", "Japan Airlines": the place starts the name
            continue
        if len(token) <= 3 and text.endswith(("Series ", "series "), 0, m.start()):
            flush()  # "a $40 million Series B led by Bessemer": B is the round's letter
            continue
        gap = text[run[-1].end() : m.start()] if run else ""
        joins = bool(run) and (
            gap in (" ", " & ", "&", "-")
            # "J.P. Morgan", "T. Rowe Price": an initial's full stop is no sentence end
            or (gap == ". " and bool(_INITIALS.match(run[-1].group(0))) and token[0].isupper())
        )
        hyphened = (
            gap == "-"
            and token[0].isupper()
            and token_key(token) not in _STOP
            and not (casing.lang is not None and _foreign_word(token_key(token), casing.lang))
        )
        if joins and (
            _namey(token, casing)
            or hyphened
            or (token_key(token) in _TRAILERS and (token[0].isupper() or casing.caps))
            or (token_key(token) in _FIRM_ENDINGS and token[0].isupper())
            or (gap == ". " and token_key(token) not in _STOP)
            # "Granite & Gold Capital": a common word after "&" that the body writes capitalised
            or (gap in (" & ", "&") and token[0].isupper() and casing.confirms(token_key(token)))
            or _suffixed(text, m, casing)
            or (token.isdigit() and gap == " " and _numbered_name(full, offset, m, run, casing))
        ):
            run.append(m)
        elif (
            _namey(
                token,
                casing,
                _initial(full, offset + m.start()),
                bool(_FOLLOWED.match(full, offset + m.end()))
                # "Atlas 3 bags €15m": a number that ends the name
                or (
                    token_key(token) not in _NUMBER_NOT_AFTER
                    and bool(_FOLLOWED_NUMBER.match(full, offset + m.end()))
                )
                or (casing.lang is not None and bool(_FOLLOWED_INTL.match(full, offset + m.end())))
                # "Government of India partners with ...", "Ministry of Defence signs ..."
                or (
                    token_key(token) in GENERIC_ORGS
                    and bool(_OF_NAME.match(full, offset + m.end()))
                ),
            )
            or _suffixed(text, m, casing)
            or (not run and _people_owned(text, m))
            or _ordinal_name(full, offset, m, casing)
            or _lower_brand(full, offset, m, casing)
            # "Snowflake Acquires AI Startup Tidal": in Title Case, the word after a
            # company's kind starts its name, a dictionary word or not
            or (
                casing.title
                and token[0].isupper()
                and token_key(token) not in _STOP
                and token_key(token) not in _NOT_AFTER_KIND
                and _AFTER_KIND.search(text, 0, m.start()) is not None
            )
        ):
            flush()
            run.append(m)
        else:
            flush()
        if (
            run
            and _POSSESSIVE.search(token)
            and not _people_owned(text, m)
            and not _possessive_name(text, m, casing)
        ):
            flush()  # "Lyon's Quillstack": a possessive ends a name
    flush()
    return found


# "Call of Duty", "League of Legends", "Bank of Lumen": a Title Case word and "of" that open
# a clause belong to the unknown name after them (not "Sale of X", "CEO of X")
_OF_HEAD = re.compile(r"(?:^|[,:;]\s+|\b(?:and|&)\s+)((?-i:[A-Z][a-z]+))\s+of\s+$")
_NOT_OF_HEAD = frozenset(
    """sale purchase acquisition merger takeover buyout investment part parts unit units
    head chief founder cofounder co-founder president chair chairman ceo cto cfo maker makers
    owner owners parent rival rivals backer backers investor investors shares stake friends
    all most some many one none each both future state rest end start day week month year
    deal deals shareholders stockholders holders employees staff workers customers users
    members board directors fans""".split()
)


def _of_title(text: str, start: int, m: Mention) -> Mention:
    if m.known:
        return m
    head = _OF_HEAD.search(text, start, m.start)
    if head is None or token_key(head.group(1)) in _NOT_OF_HEAD or head.group(1) in GENERIC_ORGS:
        return m
    return Mention(head.start(1), m.end, f"{head.group(1)} of {m.name}", known=False)


_TO_BEFORE = re.compile(r"\b[Tt]o\s+$")
_OBJECT_AFTER = re.compile(
    r"\s+(?!(?i:for|in|at|on|with|and|or|as|after|amid|over|from|of|by|to|via|under|is|was"
    r"|has|will|its)\b)[A-Za-z]"
)


def _infinitive(text: str, m: Mention) -> bool:
    """Whether a one-word name that is also an ordinary verb is that verb after "to", with
    its object next ("Partnership to Scale Agentic AI", "raises $20M to Scale Its
    Platform"), not a company ("sells its unit to Scale for $1B")."""
    word = text[m.start : m.end]
    return (
        " " not in word
        and is_ordinary(token_key(word))
        and _TO_BEFORE.search(text, max(0, m.start - 4), m.start) is not None
        and _OBJECT_AFTER.match(text, m.end) is not None
    )


def mentions(
    text: str, gazetteer: Gazetteer, casing: Casing, start: int = 0, end: int | None = None
) -> list[Mention]:
    """Companies in ``text[start:end]``: gazetteer names first, other names by shape."""
    end = len(text) if end is None else end
    piece = text[start:end]
    known = [
        _extended(text, Mention(m.start + start, m.end + start, m.name), end, gazetteer)
        for m in gazetteer.find(piece, casing.caps)
    ]
    if not casing.caps and _INSTITUTION_TRAILER.search(piece):
        known = _institutions(piece, start, known)
    if " to " in piece or " To " in piece:
        known = [m for m in known if not _infinitive(text, m)]
    # Blank the known names out, then look for unknown capitalised names in what remains.
    chars = list(piece)
    for m in known:
        chars[m.start - start : m.end - start] = " " * (m.end - m.start)
    unknown = _unknown("".join(chars), start, casing, text)
    if known and unknown:
        # "Siemens Healthineers", "Nvidia Blackwell": one unknown word right after a known
        # name is that company's unit or product, no party of its own
        ends = {m.end for m in known}
        unknown = [u for u in unknown if not (u.start - 1 in ends and " " not in u.name)]
    # "Slack Technologies Inc" (Slack known), "Technologies Inc": endings alone name no one
    unknown = [u for u in unknown if not all(token_key(w) in _TRAILERS for w in u.name.split())]
    if "-" in piece or "&" in piece:
        unknown = [part for u in unknown for part in _pair(text, u)]
    merged = sorted(known + unknown, key=lambda m: m.start)
    merged = _fund_of_known(text, merged)
    if " of " in piece and not casing.caps:
        merged = [_of_title(text, start, m) for m in merged]
    if (
        not casing.caps
        and (" and " in piece or " & " in piece or " with " in piece)
        and _COUNTRY_NAME.search(piece)
    ):
        merged = _with_countries(text, start, end, merged)
    if not casing.caps and (
        (" with " in piece and _CAPITAL_DEAL.search(piece))
        or (start == 0 and _CAPITAL_SUBJECT.match(text))
    ):
        merged = _with_capitals(text, start, end, merged)
    if not casing.caps and start == 0 and " with " in piece:
        subject = _SHORT_COUNTRY_SIGNS.match(text)
        if subject is not None and not any(m.start <= subject.start(1) < m.end for m in merged):
            # "Britain signs a sovereign compute deal with Nscale": its government signs
            named = government_name(f"{subject.group(1)} Government") or subject.group(1)
            merged = sorted(
                [*merged, Mention(subject.start(1), subject.end(1), named, known=False)],
                key=lambda m: m.start,
            )

    # "Heidelberg's Grundriss AI", "Darmstadt's Feldwerk AI": an unknown one-word name that
    # owns the next one only says where it is; "Anjney Midha's AMP": an unknown name of a
    # few words that is no organisation's (no "AI", "Labs", "Institute" …) says whose it is
    # ("University of Chicago's X" stays).
    merged = [
        m
        for i, m in enumerate(merged)
        if m.known
        or i + 1 == len(merged)
        or not _OWNS.match(text, m.end, merged[i + 1].start)
        or (" " in m.name and not _owner_only(m.name))
    ]
    # "Arm-based servers", "Indic-language startup": a name in a compound adjective is no
    # party ("X-backed" / "X-led" investors are read by ``backers``).
    merged = [m for m in merged if not _COMPOUND.match(text, m.end)]
    # "Bengaluru-Based Tarkshala" in a Title Case headline: the compound adjective is no part
    # of the name after it
    merged = [_after_compound(m) for m in merged]
    # "rack-scale AI", "non-OpenAI models", "Oak HC/FT": a name that ends a lower-case
    # compound, or follows a slash, is none
    merged = [
        m
        for m in merged
        if text[m.start - 1 : m.start] not in ("-", "/")
        or not _COMPOUND_HEAD.search(text, max(0, m.start - 12), m.start)
    ]
    # "Signs Reseller Agreement With CDW" in a Title Case headline: the kind of agreement
    # signed is no party
    merged = [
        m
        for m in merged
        if m.known
        or " " in m.name
        or not (is_ordinary(token_key(m.name)) or token_key(m.name) in _DEAL_KINDS)
        or not _KIND_OF_DEAL.match(text, m.end)
        or not _SIGNS_BEFORE.search(text, max(0, m.start - 48), m.start)
    ]
    # "Photonics startup Lumen Harbor said …": one word before "startup" and a name says what
    # the startup does
    merged = [
        m for m in merged if m.known or " " in m.name or not _KIND_OF_STARTUP.match(text, m.end)
    ]
    # "an MoU for Kannada language models": a language is no party
    merged = [m for m in merged if m.known or not _LANGUAGE_AFTER.match(text, m.end)]
    # "opens a new office in Palo Alto": where an office is, no party
    merged = [
        m for m in merged if m.known or not _OFFICE_IN.search(text, max(0, m.start - 40), m.start)
    ]
    # "Cognition, maker of Devin, raises …": what a company makes is no party
    merged = [
        m for m in merged if m.known or not _MAKER_OF.search(text, max(0, m.start - 48), m.start)
    ]
    # "TikTok owner ByteDance", "Quillstack parent Vantor", "OpenAI backer Microsoft": the
    # first name only says which the second one is
    merged = [
        m
        for i, m in enumerate(merged)
        if i + 1 == len(merged) or not _DESCRIBES.fullmatch(text, m.end, merged[i + 1].start)
    ]
    if casing.lang == "de":  # "SAP-Tochter Foo", "Nvidia-Chips": the name only qualifies a noun
        merged = [m for m in merged if not _german_compound(text, m.end)]
    seen: set[str] = set()
    result = []
    for m in merged:
        name = m.name if m.known else gazetteer.canonical(m.name)
        if name.lower() not in seen:
            seen.add(name.lower())
            result.append(Mention(m.start, m.end, name, m.known))
    return result


# "Chiquita-Fyffes merge", "the Vantor & Kestrel tie-up": what follows the joined name is the
# deal its two sides make
_PAIR_DEAL = re.compile(
    r"\s+(?:[$€£¥]\s?[\d.,]+\s?(?:[bBmMkK]n?|billion|million|bln|mln)?\s+)?"
    r"(?:merger|merge|merging|combination|combine|tie-up|tieup|link-up|pact|union|deal)s?\b",
    re.IGNORECASE,
)
_PAIR_JOIN = re.compile(r"\s?[-&]\s?")


def _pair(text: str, m: Mention) -> list[Mention]:
    """An unknown name "A-B" or "A & B" right before a merger, tie-up or deal noun is its two
    sides when neither side is an ordinary word ("Rolls-Royce merger", "Procter & Gamble
    deal" stay one name)."""
    joints = list(_PAIR_JOIN.finditer(m.name))
    if len(joints) != 1 or not _PAIR_DEAL.match(text, m.end):
        return [m]
    joint = joints[0]
    left, right = m.name[: joint.start()], m.name[joint.end() :]
    if not all(
        side[:1].isupper()
        and len(side) > 2
        and not any(is_ordinary(token_key(w)) or is_place(w) for w in side.split())
        for side in (left, right)
    ):
        return [m]
    return [
        Mention(m.start, m.start + len(left), left, known=False),
        Mention(m.start + joint.end(), m.end, right, known=False),
    ]


# "NATO Innovation Fund", "Emirates Growth Fund": a fund named after a known organisation is
# one investor, not the organisation and "Innovation Fund".
_FUND_END = re.compile(r"\s(?:Fund|Funds|Authority|Foundation|Ventures|Capital|Investments)$")


def _fund_of_known(text: str, merged: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in merged:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.known
            and not m.known
            and text[prev.end : m.start] == " "
            and " " in m.name
            and _FUND_END.search(m.name)
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], known=False)
            continue
        out.append(m)
    return out


_DEAL_KINDS = frozenset(("reseller", "offtake", "oem", "co-sell", "co-marketing"))
_KIND_OF_DEAL = re.compile(
    r"\s+(?:Agreement|Deal|Pact|Contract|Partnership|Alliance|Collaboration|MoU)\b"
)
_SIGNS_BEFORE = re.compile(
    r"\b(?:[Ss]igns?|[Ii]nks?|[Ss]trikes?|[Ss]eals?|[Ee]nters?\s+[Ii]nto|[Aa]nnounces?|[Ee]xpands?)"
    r"\s+(?:(?:[Aa]n?|[Nn]ew|[Mm]ulti-[Yy]ear|[Ss]trategic|[Gg]lobal|[Ee]xclusive)\s+)*$"
)
_COMPOUND = re.compile(
    r"-(?:based|backed|led|owned|funded|language|speaking|made|built|born|focused"
    r"|native|style|era|linked|listed|run|controlled|affiliated|related|powered"
    r"|centric|first|only|specific|compatible|class|grade|level|scale|sized"
    r"|designed|branded|trained|optimi[sz]ed|certified|approved|rival|competitor|challenger"
    r"|killer|alike|like)\b"
)
_COMPOUND_LEAD = re.compile(r"^(?:\S+\s+)*?[^\s-]+" + _COMPOUND.pattern + r"\s+(?=\S)", re.I)


def _after_compound(m: Mention) -> Mention:
    """An unknown name without the compound adjective it opens with ("Paris-Based Parcelo")."""
    cut = None if m.known else _COMPOUND_LEAD.match(m.name)
    if cut is None:
        return m
    return Mention(m.start + cut.end(), m.end, m.name[cut.end() :], m.known)


_COMPOUND_HEAD = re.compile(r"(?<![\w-])[a-z]+-$|[A-Za-z]/$")  # "rack-scale AI", "HC/FT"
_DESCRIBES = re.compile(
    r"(?:['’]s)?\s+(?:owner|parent|parent\s+company|maker|developer|creator|operator|publisher"
    r"|backer|investor|owner\s+and\s+operator)\s+",
    re.IGNORECASE,
)
_MAKER_OF = re.compile(
    r"\b(?:(?:maker|makers|developer|developers|creator|creators|builder)\s+of|the\s+"
    r"(?:company|startup|start-up|firm|lab)\s+behind)\s+(?:the\s+)?(?:popular\s+)?$",
    re.IGNORECASE,
)
_OFFICE_IN = re.compile(
    r"\b(?:offices?|hubs?|headquarters|HQ|campus|base|presence|based|located|headquartered)"
    r"\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HYPHEN_WORD = re.compile(r"-([^\W\d_]+)\b")


# What turns a known name into a longer one of its own: "Fidelity Management & Research",
# "J.P. Morgan Asset Management", "Goldman Sachs Alternatives" are firms of their own, and
# the words after the known part are no second party ("Research", "Asset").
_CONTINUED = re.compile(
    r"(?:\s(?:&\s)?(?:Asset|Private|Growth|Global|Capital|Investment|Investments|Wealth"
    r"|Management|Research))*\s(?:&\s)?(?:Management|Research|Investments|Securities|Advisors"
    r"|Advisers|Alternatives|Equity|Markets)\b(?!\s+(?:of|for)\b)"
)


def _extended(text: str, m: Mention, end: int, gz: Gazetteer | None = None) -> Mention:
    """A known name with the words that make it a longer firm's name, when it is one."""
    if _caps_after(text, m.end):
        return m
    other = _OTHER_FIRM.match(text, m.end, end)
    if other is not None and gz is not None and gz.kind(m.name) not in _UNIT_MAKERS:
        # "Miro Health", "Qiming Dynamics", "Meridian Growth": a known name and a word that
        # makes a company is another firm (not a big company's unit: "Google Health")
        return Mention(m.start, other.end(), text[m.start : other.end()], known=False)
    more = _CONTINUED.match(text, m.end, end)
    if more is None or more.group(0).strip() == "Research":
        return m  # "Google Research" is Google's own lab: Google
    return Mention(m.start, more.end(), text[m.start : more.end()], known=False)


_OTHER_FIRM = re.compile(
    r"\s(?:Health|Dynamics|Bio|Biosciences|Therapeutics|Robotics|Growth)\b(?![\s-]+(?:of|for)\b)"
)
# Kinds of company whose name and such a word is a unit of theirs
_UNIT_MAKERS = frozenset(("bigtech", "lab", "chips", "cloud", "media"))


def _caps_after(text: str, at: int) -> bool:
    """Whether the text after ``at`` is in capitals (a Reuters headline): no name grows there."""
    tail = text[at : at + 24]
    letters = [c for c in tail if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _owner_only(name: str) -> bool:
    """A name of two or three words, none of which says it is an organisation: a person's
    or a place's ("Anjney Midha", "New York")."""
    words = name.split()
    return len(words) <= 3 and not any(
        token_key(w) in _TRAILERS
        or w.lower() in GENERIC_ORGS
        or w.lower() in ("of", "for")
        or w.isupper()
        for w in words
    )


def _german_compound(text: str, end: int) -> bool:
    """A name followed by "-" and a German noun ("SAP-Tochter", "Nvidia-Aktien")."""
    word = _HYPHEN_WORD.match(text, end)
    return word is not None and word.group(1)[0].isupper() and is_german_word(word.group(1).lower())


_INSTITUTION_TRAILER = re.compile(r"\b(?:Institute|Agency|Authority|Commission|Laboratory)\b")
# "the Australian AI Safety Institute", "Canadian AI Safety Institute": a nationality and
# "AI" may start an institution's name.
_INSTITUTION = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?(?:AI\s+)?(?:[A-Z][\w-]*\s+){1,3}?(?:Institute|Agency|Authority"
    r"|Commission|Laboratory)(?:\s+(?:of|for)\s+(?:[A-Z][\w-]*\s?)+)?"
)


def _institutions(piece: str, start: int, known: list[Mention]) -> list[Mention]:
    """Known names plus institutions by their shape, where no known name overlaps."""
    out = list(known)
    for m in _INSTITUTION.finditer(piece):
        lo, hi = m.start() + start, m.end() + start
        name = m.group(0).strip()
        first = name.split()[0].lower()
        if first in DETERMINERS or first in OPENERS or first in PRONOUNS:
            continue
        if not any(k.start < hi and lo < k.end for k in known):
            out.append(Mention(lo, lo + len(name), name, known=False))
    return sorted(out, key=lambda x: x.start)


_LEAD = re.compile(
    r"\b(?:co-)?led\s+by\b|\b(?:men|conduit|pilot)ée?s?\s+par\b"
    r"|\bangeführt\s+(?:wird\s+|wurde\s+)?(?:[\w-]+\s+){0,3}?von\b|\bunter\s+(?:der\s+)?"
    r"(?:Führung|Leitung)\s+von\b|\b(?:lideradas?|liderados?|encabezadas?|encabezados?"
    r"|capitaneadas?)\s+(?:por|pel[ao]s?)\b|\bguidat[oaie]\s+da\b",
    re.IGNORECASE,
)
_LEAD_STOP = re.compile(
    r",|\s(?:with|alongside|along|as\s+well|plus|joined|at|to|for|valuing"
    r"|in\s+a|avec|aux\s+côtés|mit|neben|sowie|con|junto|com|ao\s+lado|insieme)\b|[;:(]" + _LIST_END
)


def lead_backers(text: str, gazetteer: Gazetteer, casing: Casing) -> frozenset[str]:
    """The investors named right after "led by" / "co-led by" (up to "with", a comma, ...)."""
    cue = _LEAD.search(text)
    if cue is None:
        return frozenset()
    stop = _LEAD_STOP.search(text, cue.end())
    end = stop.start() if stop else len(text)
    return frozenset(x.name for x in mentions(text, gazetteer, casing, cue.end(), end))


def backers(text: str, gazetteer: Gazetteer, casing: Casing) -> list[str]:
    """Investors named in "led by X", "from X and Y", "X-backed", "backed by X"."""
    names: list[str] = []
    for m in _BACKED.finditer(text):
        names += [x.name for x in mentions(m.group(1), gazetteer, casing)]
    cues = list(_BACKER_CUE.finditer(text))
    if casing.lang == "de" and not cues:
        cues = list(_GERMAN_BACKER_CUE.finditer(text))
    end = 0
    bullet = _BULLET.search(text, cues[0].end()) if cues else None
    for n, cue in enumerate(cues):  # "from Austin, has raised … led by X, joined by Y"
        if cue.start() < end or (n and _LOOSE_CUE.fullmatch(cue.group(0))):
            continue  # inside the list before, or a loose "from"/"including" after one
        if bullet is not None and cue.start() > bullet.start():
            break  # "… led by Eastlake Ventures. • Cypress raised … co-led by …": another's
        stop = _BACKER_STOP.search(text[cue.end() :])
        end = cue.end() + stop.start() if stop else len(text)
        names += [
            x.name
            for x in mentions(text, gazetteer, casing, cue.end(), end)
            if not _WHOSE_BACKERS.match(text, x.end)  # "led by Mistral's backers": not Mistral
        ]
    return list(dict.fromkeys(names))


_BULLET = re.compile(r"\s[•·▪]\s")
_WHOSE_BACKERS = re.compile(
    r"(?:['’]s?)?\s+(?:own\s+|existing\s+|early\s+)?(?:backers|investors|shareholders|owners)\b"
)


_LED = re.compile(
    r"\b(?:co-)?led\b(?!\s+by\b)|\bco-leads?\b(?!\s+by\b)"
    # "ASML leads the Series C funding round", "Thrive is leading the raise"
    r"|\b(?:leads|is\s+leading)\b(?=\s+(?:the|this|its|our)\s+(?:[\w$€£.-]+\s+){0,4}?(?:round"
    r"|raise|financing|series\s+[a-k]\b))"
)
_JOINED = re.compile(
    r"\b(?:also\s+)?(?:participated|participating|participate|invested|investing"
    r"|joined|joining|took\s+part|taking\s+part|chipped\s+in|came\s+in|doubled\s+down)\b"
    r"(?!\s+(?:by|the\s+company|as)\b)"
)
# "…, with Alphabet and Nvidia among its investors"
_AMONG = re.compile(
    r"\s+(?:were\s+|are\s+)?among\s+(?:its|the|their)\s+(?:new\s+|existing\s+)?(?:investors|backers)\b"
)
_CLAUSE_START = re.compile(r"[,;:]\s+|\b(?:with|while|and\s+existing|as\s+well\s+as)\s+|^")


def _before(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts (after a comma, "with", ...)."""
    start = 0
    for m in _CLAUSE_START.finditer(text, 0, end):
        start = m.end()
    return start


_LIST_ITEM = re.compile(r"(?:^|,\s+)([^,;:]{2,60}),\s+$")


def _listed(text: str, start: int, gazetteer: Gazetteer, casing: Casing) -> int:
    """Where a list of names that ends a clause at ``start`` begins: "Existing investors DST
    Global, Andreessen Horowitz, Bpifrance and NVIDIA also took part" (each comma-separated
    item before ``start`` that is one name alone belongs to the list)."""
    while start > 0:
        item = _LIST_ITEM.search(text, 0, start)
        if item is None or item.end() != start:
            return start
        names = mentions(text, gazetteer, casing, item.start(1), item.end(1))
        if len(names) != 1 or not re.fullmatch(
            r"(?:[\w-]+\s+){0,3}?", text[item.start(1) : names[0].start]
        ):
            return start
        start = names[0].start
    return start


def round_investors(text: str, gazetteer: Gazetteer, casing: Casing) -> list[tuple[str, bool]]:
    """Investors a sentence about a round names, each with whether it leads: "led by X, with
    participation from Y", "X led the round", "X and Y co-led", "Z also participated"."""
    leads = lead_backers(text, gazetteer, casing)
    found = [
        (name, name in leads)
        for name in backers(text, gazetteer, casing)
        if not _BACKED.search(text) or name not in backed_names(text, gazetteer, casing)
    ]
    for cue, lead in ((_LED, True), (_JOINED, False), (_AMONG, False)):
        for m in cue.finditer(text):
            start = _listed(text, _before(text, m.start()), gazetteer, casing)
            found += [(x.name, lead) for x in mentions(text, gazetteer, casing, start, m.start())]
    for listed in _LISTED_AFTER.finditer(text):  # "Also participating: A, B and C."
        stop = _BACKER_STOP.search(text, listed.end())
        end = stop.start() if stop else len(text)
        found += [(x.name, False) for x in mentions(text, gazetteer, casing, listed.end(), end)]
    for marked in _MARKED_LEAD.finditer(text):  # "from Costanoa Ventures (lead), Work-Bench"
        start = _before(text, marked.start())
        named = mentions(text, gazetteer, casing, start, marked.start())
        found += [(named[-1].name, True)] if named else []
    out: dict[str, bool] = {}
    for name, lead in found:
        out[name] = out.get(name, False) or lead
    return list(out.items())


_LISTED_AFTER = re.compile(
    r"\b(?:also\s+)?(?:participating|investing|joining|taking\s+part)(?:\s+(?:were|are|investors))?"
    r"\s*:\s*",
    re.IGNORECASE,
)
_MARKED_LEAD = re.compile(r"\s*\((?:co-)?leads?\)|\s*\(lead\s+investor\)")


def backed_names(text: str, gazetteer: Gazetteer, casing: Casing) -> set[str]:
    """Names in "X-backed" / "X-owned" / "X-funded": backers of the company in the past."""
    return {
        x.name
        for m in _BACKED.finditer(text)
        if not m.group(0).endswith("-led")
        for x in mentions(m.group(1), gazetteer, casing)
    }


_SHAPED = re.compile(r"^[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}")


def shaped_name(phrase: str, body: str) -> str | None:
    """The company name ``phrase`` opens with when the gazetteer does not know it: one to
    three capitalised words, not all ordinary words ("Real-Time Answers"), no place, pronoun
    or regulator, that the story's body also writes with its capitals ("Groq", "Related
    Digital"). None otherwise."""
    found = _SHAPED.match(phrase.strip())
    if found is None or not body:
        return None
    name = _POSSESSIVE.sub("", found.group(0))
    keys = [token_key(w) for w in name.split()]
    if (
        (
            all(is_ordinary(k) or k in _STOP or k in _TRAILERS for k in keys)
            # (but a common word and a company's own suffix: "Tandem Labs", "Anchor Robotics")
            and not (len(keys) > 1 and keys[-1] in _OWN_SUFFIXES and keys[0] not in _STOP)
        )
        or not _may_name(name)
        # written whole ("Cristiano" of "Cristiano Ronaldo" is not)
        or re.search(rf"(?<![\w.]){re.escape(name)}(?![\w]|\s+[A-Z])", body) is None
    ):
        return None
    return name


def _may_name(name: str) -> bool:
    """Capitalised words that may name a company: no pronoun or function word first, no
    place, person or regulator."""
    first = token_key(name.split()[0])
    return not (
        first in _STOP
        or first in PRONOUNS
        or is_place(name)
        or is_person(name)
        or name.lower() in REGULATORS
    )


def described_name(phrase: str) -> str | None:
    """``phrase`` when it is one to three capitalised words that may name a company, ordinary
    words included: what an aside describes as a company ("Lumen, an Index Ventures portfolio
    company, acquires …") is one, whatever the words."""
    found = _SHAPED.fullmatch(phrase.strip())
    return found.group(0) if found is not None and _may_name(found.group(0)) else None
