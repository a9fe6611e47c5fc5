"""Deal status (announced, rumoured, completed, rejected, called-off, denied) and funding round
cues, read from the wording of a headline or sentence."""

from __future__ import annotations

import re

from ._lexicon import language

_I = re.IGNORECASE

# A party says the deal is not happening: "denies it is raising", "dismisses reports".
DENIED = (
    "denied",
    re.compile(
        r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed)?\s+(?:the\s+)?(?:(?:takeover|sale|buyout)\s+)?"
        r"(?:reports?|rumou?rs?|speculation|talk)"
        r"|(?:shoots?|shot)\s+down|refut(?:es|ed)|quash(?:es|ed)?|pours?\s+cold\s+water\s+on"
        r"|(?:no|not\s+in)\s+(?:talks|plans?\s+to)|rules?\s+out|ruled\s+out"
        # what is not planned: "says IPO is not a priority", "in no hurry to go public"
        r"|no\s+(?:immediate\s+|current\s+)?(?:plans?|intention|rush|hurry)"
        r"|(?-i:[Nn]o)\s+(?:IPO|listing|float)"
        r"|not\s+(?:a\s+|the\s+)?(?:priority|on\s+the\s+(?:table|cards|agenda)|imminent)"
        # "Our IPO? Not yet.", "IPO-bound unit? Not quite, says CEO"
        r"|\?\W{0,2}\s*not\s+(?:yet|quite|now|so\s+fast)"
        r"|in\s+no\s+(?:rush|hurry))\b",
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
            r"|collaps\w+|f[ae]ll(?:s)?\s+(?:through|apart)|unravel\w*|end(?:s|ed)?\s+(?:merger\s+|deal\s+|acquisition\s+|takeover\s+|buyout\s+|sale\s+)?talks|withdraw\w*"
            r"|pull(?:s|ed)?\s+out|pull(?:s|ed)?\s+(?:its\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:IPO|listing|float"
            r"|offering|bid|offer)|cancel\w*|block(?:s|ed)|kill(?:s|ed)|postpone\w*|shelve[sd]?"
            r"|(?:put|puts|putting)\s+(?:[\w$€£¥.,-]+\s+){0,6}?on\s+(?:hold|ice))\b",
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
            r"(?:acquisition|deal|purchase|buy|merger|sale|takeover|round|funding|investment|series\s+[a-k])"
            r"|finali[sz]\w+"
            r"|wrap(?:s|ped)?\s+up|now\s+owns|has\s+acquired|(?<!-)approved)\b",
            _I,
        ),
    ),
    (
        "rumoured",
        re.compile(
            r"\b(?:in\s+(?:advanced\s+|early\s+|exclusive\s+)?(?:talks|discussions|negotiations)"
            r"|talks\s+(?:to|with|over|about|on)|in\s+the\s+running"
            # "Anthropic, Vexor in merger talks", "in acquisition discussions"
            r"|in\s+(?:[\w-]+\s+){1,2}?(?:talks|discussions|negotiations)"
            # "is exploring a sale", not "partnered with X to explore defences"
            r"|(?<!to\s)(?:consider\w*|explor\w+)|weigh(?:s|ing)?"
            # a company for sale with no buyer yet: "hires bankers to explore a sale", "puts
            # itself up for sale"
            r"|hir(?:es|ed|ing)\s+(?:bankers|advis[eo]rs)|up\s+for\s+sale"
            r"|mull\w*|eye(?:s|ing)|court(?:s|ing)|circl(?:es|ing)|stalk(?:s|ing)|people\s+familiar|(?:sources?|persons?|people)\s+(?:say|said|close)"
            r"|according\s+to\s+(?:people|sources|a\s+person|reports?)|reportedly|reports?|reported"
            r"|rumou?r\w*|said\s+to\s+(?:be|explore|weigh|consider|mull|seek|eye|plan|near)\b|nears?|nearing|close\s+to\s+(?:a\s+)?deal|could|may|might"
            r"|speculation|interested\s+in|interest\s+in|approach(?:es|ed)|seeks?|seeking|sound(?:s|ed)?\s+out"
            r"|in\s+the\s+works|plans?\s+to\s+raise|looking\s+to|wants?\s+to|aims?\s+to|hopes?\s+to"
            r"|poised\s+to|set\s+to\s+raise|would"
            # a round still being raised: "Parsewell is raising at a $400M valuation"
            r"|(?:is|are)\s+(?:now\s+|also\s+|already\s+)?raising"
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


# The rounds in other languages: "série A", "Serie-B-Runde", "Series-A-Finanzierung", "tour
# d'amorçage" (seed), "Seed-Runde", "ronda semilla", "rodada seed".
INTL_ROUND_RE = re.compile(
    r"\b(?:(?P<pre>pr[ée]-?(?:seed|semilla|amor[çc]age|semente))"
    r"|(?P<seed>seed|amor[çc]age|semilla|semente)\b"
    r"|s[ée]rie[\s-]+(?P<letter>[a-k])(?:[- ]?(?P<num>\d))?\b|series-(?P<letter2>[a-k])\b"
    r"|(?P<growth>Wachstumsrunde|(?:tour|ronda|rodada|round)\s+de\s+(?:croissance|crecimiento"
    r"|crescimento))|(?P<bridge>financement-relais|Brückenfinanzierung|ronda\s+puente))",
    _I,
)


def _intl_round(text: str) -> str | None:
    m = INTL_ROUND_RE.search(text)
    if m is None:
        return None
    for kind in ("pre", "seed", "growth", "bridge"):
        if m.group(kind):
            return "pre-seed" if kind == "pre" else kind
    name = "series-" + (m.group("letter") or m.group("letter2")).lower()
    return name + "-" + m.group("num") if m.group("num") else name


def round_of(text: str, foreign: bool | None = None) -> str | None:
    """The funding round named in ``text``: pre-seed, seed, series-b, series-b-2, ...; in
    another language also "série B", "Serie-B-Runde", "ronda semilla". ``foreign``: whether
    the text is in another language, when known (else ``_lexicon.language`` tells)."""
    m = ROUND_RE.search(text)
    if m is None:
        if foreign is None:
            foreign = language(text) is not None
        return _intl_round(text) if foreign else None
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
            r"\b(?:debut(?:s|ed|ó|ou)?|estreou|(?:begins?|began|starts?|started|commences?)\s+trading"
            r"|lists?\s+on"
            r"|listed\s+on|complet(?:es|ed)|(?:closing|closes|closed)\s+(?:of\s+)?(?:its\s+|the\s+)?"
            r"(?:upsized\s+)?(?:initial\s+public\s+offering|ipo)"
            r"|shares?\s+(?:soar|jump|rise|rose|surge|pop|climb|fall|fell"
            r"|slump|sink|tumble|open|opened)\w*"
            # the listing's own first trades: "Dunmore's IPO pops 40%", "… on its first day of
            # trading" (not a pop hoped for: "eyes a first-day pop")
            r"|(?:ipo|listing|offering)\s+(?:soar|jump|surge|pop|climb|slump|sink|tumble)\w*"
            r"|first\s+day\s+of\s+trading)\b",
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


# The same statuses in French, German, Spanish, Portuguese and Italian, checked in the same
# order (each after its English cue) when ``_lexicon.language`` says the text is in one.
INTL_STATUS_CUES: dict[str, re.Pattern[str]] = {
    "denied": re.compile(
        r"\b(?:d[ée]men(?:t|tent|ti)|nie\s+(?:tout|avoir|toute)|dementier(?:t|en|te)"
        r"|weis(?:t|en)\s+(?:[\w-]+\s+){0,3}?Berichte\s+zurück|niega(?:n)?|negó|desmient(?:e|en)"
        r"|desmintió|nega(?:m)?|negou|desmente(?:m)?|desmentiu|smentisce|smentiscono|nega\s+di)\b",
        _I,
    ),
    "called-off": re.compile(
        r"\b(?:renonce\w*|abandonn\w+|annul\w+|jette\s+l['’]\s?éponge|échou\w+|capot\w+"
        r"|abgesagt|sag(?:t|en)\s+(?:[\w-]+\s+){0,4}?ab\b|abgeblasen|platz(?:t|en)|geplatzt"
        r"|gescheitert|scheiter(?:t|n)|zieht\s+sich\s+(?:[\w-]+\s+){0,3}?zurück|verzichte(?:t|n)"
        r"|stopp(?:t|en)|renuncia\w*|abandona\w*|cancela\w*|suspend\w+|rompe(?:n)?|fracas\w+"
        r"|desist\w+|rinuncia\w*|annulla\w*|sospend\w+|ritira\w*)\b",
        _I,
    ),
    "rejected": re.compile(
        r"\b(?:rejett\w+|refus\w+|repousse\w*|lehn(?:t|en)\s+(?:[\w-]+\s+){0,4}?ab\b|abgelehnt"
        r"|rechaz\w+|rejeit\w+|recus\w+|respin\w+|rifiut\w+|boccia\w*|ostil\w+|hostile)\b",
        _I,
    ),
    "completed": re.compile(
        r"\b(?:finalis\w+|a\s+finalisé|boucl(?:e|ent|é)\s+(?:le\s+rachat|l['’]\s?acquisition|sa"
        r"|son|une|un)|achève\w*|abgeschlossen|schlie(?:ß|ss)(?:t|en)\s+(?:[\w-]+\s+){0,4}?ab\b"
        r"|vollz(?:ieht|ogen)|perfekt|complet(?:a|ó|ada|ado)|culmin\w+|cierra\s+(?:la|una)\s+"
        r"(?:compra|adquisición|ronda)|conclu[ií](?:u|da|do|)?|finaliza\w*"
        r"|fecha\s+a\s+(?:compra|aquisição)|perfeziona\w*|chiude\s+l['’]\s?acquisizione"
        r"|ha\s+completato)\b",
        _I,
    ),
    "rumoured": re.compile(
        r"\b(?:en\s+(?:négociations?|discussions|pourparlers)|négoci(?:e|ent|ation)|envisag\w+"
        r"|étudi(?:e|ent)|serait|seraient|pourrait|pourraient|selon\s+(?:des\s+sources|nos"
        r"\s+informations|plusieurs|la\s+presse|[\w-]+\s+sources)|lorgn\w+|discute\w*"
        r"|in\s+(?:Gesprächen|Verhandlungen)|verhandel\w*|erwäg\w+|prüf(?:t|en)|soll(?:en)?"
        r"|könnte(?:n)?|Insidern?|Berichten\s+zufolge|offenbar|angeblich|liebäugel\w+"
        r"|negocia(?:n|ción|ciones)?|en\s+(?:negociaciones|conversaciones)|estudia(?:n)?"
        r"|sopesa\w*|baraja\w*|podría(?:n)?|según\s+fuentes|ultima(?:n)?|analiza(?:n)?"
        r"|em\s+(?:negociações|conversas|negociação)|negoci(?:a|am|ação)|estuda(?:m)?|avalia(?:m)?"
        r"|poderia(?:m)?|pode\s+(?:comprar|adquirir|vender)|mira|in\s+trattative|tratta(?:no)?"
        r"|valuta(?:no)?|starebbe(?:ro)?|potrebbe(?:ro)?|secondo\s+indiscrezioni|indiscrezioni)\b",
        _I,
    ),
}
INTL_IPO_STATUS_CUES: dict[str, re.Pattern[str]] = {
    "completed": re.compile(
        r"\b(?:fait\s+ses\s+(?:premiers\s+pas|débuts)|débute\s+en\s+Bourse|debütier\w+"
        r"|erster\s+Handelstag|estren\w+|estreia|debuta\w*|debutta\w*|sbarca)\b",
        _I,
    ),
    "announced": re.compile(
        r"\b(?:dépose\w*|lance\s+son\s+introduction|reich(?:t|en)\s+(?:[\w-]+\s+){0,3}?ein"
        r"|registra\w*|solicita\w*|pide|deposita\w*|protocola\w*|presenta\s+(?:la\s+)?domanda)\b",
        _I,
    ),
    "rumoured": re.compile(
        r"\b(?:prépar\w+|envisag\w+|vise|vis(?:er|ant)|plan(?:t|en)|erwäg\w+|prüf(?:t|en)|bereite\w*"
        r"|prevé|planea\w*|prepara\w*|estudia\w*|planeja\w*|avalia\w*|punta\s+a|valuta\w*"
        r"|pensa\s+a)\b",
        _I,
    ),
}


# Rumours told by their source ("selon des sources", "Insidern zufolge", "según fuentes").
_INTL_SOURCES = re.compile(
    r"\b(?:selon\s+(?:des\s+sources|nos\s+informations|plusieurs|la\s+presse|[\w-]+\s+sources)"
    r"|Insidern?|Berichten\s+zufolge|angeblich|según\s+fuentes|segundo\s+fontes"
    r"|secondo\s+indiscrezioni|indiscrezioni)\b",
    _I,
)
# The cues of other languages, in the order (and at the place) of the English ones.
_INTL_ORDER = tuple(INTL_STATUS_CUES[status] for status, _ in STATUS_CUES)
_INTL_IPO_ORDER = (
    INTL_STATUS_CUES["denied"],
    INTL_STATUS_CUES["called-off"],
    _INTL_SOURCES,
    INTL_IPO_STATUS_CUES["completed"],
    INTL_IPO_STATUS_CUES["announced"],
    INTL_IPO_STATUS_CUES["rumoured"],
)


def status_of(text: str, deal_type: str | None = None, foreign: bool | None = None) -> str:
    """The first status whose cue is present; ``announced`` when none is. IPOs use
    ``IPO_STATUS_CUES``. A text in another language is also read with its own cues, each
    right after the English cue it stands beside. ``foreign``: whether the text is in another
    language, when known (a rule of that language found the deal); else ``language`` tells."""
    cues = IPO_STATUS_CUES if deal_type == "ipo" else STATUS_CUES
    if foreign is None:
        foreign = language(text) is not None
    intl = (_INTL_IPO_ORDER if deal_type == "ipo" else _INTL_ORDER) if foreign else None
    for index, (status, cue) in enumerate(cues):
        if cue.search(text) or (intl is not None and intl[index].search(text)):
            return status
    return "announced"
