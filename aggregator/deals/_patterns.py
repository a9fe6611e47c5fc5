"""The deal rules: trigger phrases, what they mean, and which side holds which party.

Rules run on a *masked* sentence where every money phrase is replaced by a run of
``§`` (deal amount), ``¤`` (valuation) or ``¦`` (other figure) of the same length, so
"raises $100M" reads ``raises §§§§§`` and patterns can ask for an amount.
Rules are tried in order; the first one whose trigger matches *and* whose parties
can be found wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._lexicon import REGULATORS
from ._patterns_intl import INTL_RULES
from ._trigger import Rule, make_rule

_I = re.IGNORECASE
M = r"§+"  # a deal amount
_ART = (
    r"(?:(?:a|an|the|its|their|his|her|new|fresh|further|additional|another|initial|first"
    r"|roughly|about|nearly|almost|around|approximately|some|up\s+to|more\s+than|over"
    r"|second|\w+-stage|strategic|minority|majority|controlling|significant|small|large"
    r"|big|massive|record|funding|\d+(?:\.\d+)?\s?(?:%|pct|per\s?cent))\s+)*"
)
_MONEYISH = rf"(?:(?:{_ART})?{M}\s+)?"
# A name of one to three capitalised words inside a trigger ("denies TikTok bid", "completes
# Informatica deal"): the party the rule's ``inside`` role names
_INSIDE_NAME = r"(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){0,2}"
_ABOUT = r"(?:(?:up\s+to|over|nearly|more\s+than|about|around|roughly|some|almost)\s+)?"


def _rule(
    name: str,
    type_: str,
    pattern: str,
    left: str | None,
    right: str | None,
    strong: bool = True,
    needs_right: bool = True,
    inside: str | None = None,
    plural: bool = False,
    paired: bool = False,
    adjacent: bool = False,
) -> Rule:
    return make_rule(
        name,
        type_,
        pattern,
        left,
        right,
        keys=tuple(_KEYS[name].split()),
        strong=strong,
        needs_right=needs_right,
        inside=inside,
        plural=plural,
        paired=paired,
        adjacent=adjacent,
    )


# An "offer" that sells something instead of buying a company: of shares or bonds to the
# public ("withdraws IPO offer", "public share offer"), a trial or a price ("extends trial offer
# to all users"), or one made to customers ("makes free Pro offer to students").
_OFFER_GOODS = (
    "ipo",
    "share",
    "shares",
    "bond",
    "bonds",
    "public",
    "retail",
    "trial",
    "free",
    "price",
    "discount",
    "subscription",
    "introductory",
    "promotional",
    "job",
    "rights",
    "debt",
    "coupon",
)
_TRADE_OFFER = (
    "".join(rf"(?<!\b{w}\s)" for w in _OFFER_GOODS)
    + r"(?!offer\s+to\s+(?!shareholders|holders|investors|owners|buy|acquire|take|merge"
    r"|purchase)(?-i:[a-z]))"
)


# Substrings one of which every match of a rule contains (checked before the regex runs).
_KEYS = {
    "ipo": "ipo public debut list float trading s-1 f-1 prospectus estre",
    "joint-venture": "joint jv",
    "jv-plural": "launch form set found creat establish start build unveil",
    "license-out": "licen",
    "licensing": "licen licenc content data news archive acqui",
    "hires-founders": "founders leaders leadership founding ceo",
    "takes-control": "control",
    "approaches": "approach",
    "offer-from": "bid offer approach proposal",
    "rejects-bid": "reject rebuff spurn turn snub dismiss",
    "denies-talks": "deni deny dismiss shoot shot refut rebut quash knock cold",
    "possessive-deal": "'s ’s",
    "possessive-stake": "stake",
    "possessive-investment": "investment bet check cheque backing infusion injection",
    "stake-buy": "stake holding interest share",
    "buys-shares": "shares stock equity",
    "buys-holders-stake": "stake holding",
    "sells-own-stake": "sell sold",
    "pct-of": "pct % cent",
    "invest-in": "invest pour pump put inject commit back",
    "bets-on": "bet doubl",
    "check-to": "check cheque",
    "backs-round": "back",
    "backs": "back",
    "back-plural": "back",
    "leads-round": "round funding financing raise series seed bet wager",
    "investment-from": "investment",
    "stake-noun": "stake",
    "completes-investment": "investment",
    "stake-change": "stake",
    "investment-in": "investment",
    "raises": "rais secur land clos nab bag grab snag pull rake haul collect get receiv win scor "
    "net"
    " pick reel bring draw attract pocket scoop",
    "led-round": "-led",
    "ropes-in": "ropes roped roping",
    "backed-with": "backed funded",
    "investors-back": "investors backers vcs capitalists",
    "pays-for-tech": "pay paid",
    "pays-for-content": "pay paid",
    "pays-for": "pay paid shell fork cough splash",
    "debuts-with": "stealth launch debut",
    "possessive-round": "'s ’s",
    "money-for": "for",
    "round-for": "funding financing infusion round raise investment injection series seed boost",
    "valued-at": "valued",
    "raising-at": "rais",
    "valuation-to": "valuation",
    "possessive-licence": "licen",
    "round-noun": "round funding financing extension series raise capital fundrais",
    "team-behind": "welcom",
    "adds-to-round": "add",
    "acquired-by": "acquired bought purchased taken snapped scooped gobbled absorbed swallowed sold"
    " sells",
    "sells-itself": "itself",
    "sells": "sell sold divest offload dispos spin carve flog hive",
    "sells-stake": "sell sold offload dispos",
    "sells-pct": "pct % cent majority controlling",
    "sells-company": "sell sold offload divest flog",
    "to-be-acquired": "acquired bought sold taken purchased",
    "agrees-to-sale": "sale takeover buyout",
    "nears-deal": "near",
    "eyes-company": "eye circl court stalk",
    "worth-after-round": "worth valued",
    "near-stake": "stake",
    "buys-into": "buy bought",
    "walks-away": "walk",
    "grants-licence": "grant",
    "provides-content": "provid suppl offer",
    "offer-for": "offer bid propos",
    "name-bid": "bid offer talks battle negotiations discussions",
    "completes-deal": "deal takeover acquisition purchase buyout buy",
    "eyes-deal": "takeover acquisition purchase buyout buy bid",
    "interest-in": "interest",
    "accepts-bid": "accept recommend agree embrac",
    "weighs-bid": "bid offer approach",
    "gets-offer": "offer bid proposal approach",
    "with-purchase": "acquisition purchase buy takeover buyout",
    "holders-approve": "shareholders stockholders holders investors owners board directors",
    "starts-bid": "bid tender offer buyout acquisition takeover purchase",
    "explores-sale": "sale",
    "sale-of": "sale disposal divestiture spin",
    "acquires": "acqui buy bought purchas snap scoop tak took absorb gobble swallow pick behind"
    " swoop",
    "acquires-several": "acqui buy bought purchas",
    "tender": "offer bid buyout takeover approach proposal",
    "takeover-by": "takeover acquisition buyout purchase",
    "take-private": "private",
    "goes-to": "goes went going",
    "folds-into": "fold",
    "part-of": "part",
    "acquisition-of": "acquisition purchase takeover buyout buy",
    "acquisition-noun": "acquisition takeover buyout tender purchase lbo",
    "merges": "merg combin knot",
    "merger-stage": "merger",
    "merger-noun": "merger",
    "merge-plural": "merg combin tie-up",
    "agreement-with": "agreement contract deal pact",
    "supplies-with": "suppl provid",
    "selected-by": "selected chosen picked tapped",
    "partners-with": "partner team forces alliance collaborat tie-up ally ties steady relationship"
    " loosen rework renegotiat"
    " working"
    " cozies tie tied hands",
    "partner-plural": "partner collaborat ally allied together forces tie hands alliance pact team"
    " renegotiat",
    "buys-capacity": "buy purchas spend commit",
    "supplies-to": "suppl",
    "rents-capacity": "rent lease leas access reserv",
    "partners-on-with": "partner",
    "taps": "tap pick chose select enlist turn",
    "signs-deal": "deal agreement contract pact partnership alliance tie-up order mou memorandum"
    " collaboration intent loi",
    "deal-noun": "deal agreement contract pact partnership",
    "joint-action": "launch announc unveil sign start open creat build expand deepen establish to"
    " bring deliver power deploy co-develop pilot invest commit spend pour",
    "expands-use": "use",
    "in-deal": "deal",
}


_BUY = (
    # "acqui-hires the team behind Crossing Minds": the team comes with its company
    # ("hires the team behind X" is the same deal told by its people)
    r"(?:acquir(?:e|es|ed|ing)|acqui-?hir(?:e|es|ed|ing)"
    r"|hir(?:e|es|ed|ing)(?=\s+(?:the\s+)?(?:whole\s+|entire\s+)?team\s+behind\b)|buy(?:s|ing)?|bought|(?<!power\s)(?<!blanket\s)(?<!energy\s)(?<!offtake\s)(?<!\ba\s)(?<!\ban\s)(?<!shared\s)(?<!your\s)purchas(?:e|es|ed|ing)|snap(?:s|ped)?\s+up"
    r"|scoop(?:s|ed)?\s+up|tak(?:e|es|ing)\s+over|took\s+over|absorb(?:s|ed)?|gobbles?\s+up"
    r"|pick(?:s|ed)?\s+up(?!\s+(?:§|¦|the\s+(?:pace|tab|slack|pieces)|speed|steam|momentum|where)\b)"
    r"(?!\s+(?:an?\s+|the\s+|its\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,4}?(?:awards?|prizes?|honou?rs?"
    r"|titles?|accolades?|nominations?|trophy|trophies|medals?)\b)"
    r"|swallow(?:s|ed|ing)?(?:\s+up)?|swoop(?:s|ed|ing)?\s+(?:on|for))"
)
_NOT_BUYBACK = (
    r"(?!\s*-?\s*backs?\b|(?:\s+[\w.&'’,-]+){0,5}?\s+(?:mill|warehouse|site|campus"
    # a building bought, not "a startup building sales agents"
    r"|buildings|building(?=\s+(?:in|at|on|for|from|near|and|with)\b|\s*[,.;:]|\s*$)|land|propert(?:y|ies)|factory|headquarters|offices?|facilit(?:y|ies)"
    r"|real\s+estate|acres)\b"
    # customers won, not a company bought ("Five ways to acquire users with templates");
    # a purchase made in a product ("lets shoppers buy inside ChatGPT")
    r"|\s+(?:(?:new|more|your|their|our|its|paying|first|enough|better|loyal)\s+)*(?:\d[\d,]*\s+)?"
    r"(?:users|customers|subscribers|clients|leads|listings|shoppers|eyeballs)\b"
    r"|\s+(?:inside|directly|online)\b"
    r"|\s+(?:its\s+own|own|back|rating|recommendation|signal"
    r"|now|the\s+dip|shares?\s+of\s+its\s+own)\b"
    r"|(?:\s+[\w.&'’-]+){0,2}\s+(?:stock|shares)\b(?!\s+(?:of|in)\b)"
    # people hired, not a company bought ("snaps up three more OpenAI researchers"), and what
    # is yours ("wants to acquire your attention")
    r"|\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several"
    r"|more|top|key|senior|star|rival|former|ex-)\s*)+(?:[\w.&'’-]+\s+){0,2}?(?:researchers?"
    r"|engineers?|executives?|execs?|scientists?|staffers|employees|talent|veterans?|leaders"
    r"|designers?|developers)\b"
    r"|\s+(?:your|my)\b"
    # a maker's output reserved ("snaps up more TSMC capacity"), in sentence case
    r"|\s+(?:more\s+|extra\s+|additional\s+|spare\s+)?(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,2}"
    r"(?:(?-i:[a-z])[\w-]*\s+)?(?-i:capacity|output|supply|wafers)\b"
    # a maker's goods bought ("will buy AMD Instinct accelerators"), in sentence case
    r"|(?:(?<=buy)|(?<=buys)|(?<=bought)|(?<=buying))\s+(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,2}(?:(?-i:[a-z])[\w-]*\s+)?"
    r"(?-i:chips|accelerators|GPUs|TPUs|processors|servers)\b)"
)
# Stock exchanges: where an IPO lists, never a party.
_EXCHANGE = (
    r"(?:Nasdaq(?:\s+Stockholm)?|NYSE|New\s+York\s+Stock\s+Exchange|London\s+Stock\s+Exchange|LSE"
    r"|Frankfurt|Paris|Amsterdam|London|Toronto|Stockholm|Oslo|Zurich|SIX|Milan|Madrid"
    r"|Mumbai|BSE|NSE|Dalal\s+Street|Tel\s+Aviv|TASE|Taipei|Seoul|Sydney|AIM|Growth\s+Market"
    r"|HKEX|Hong\s+Kong(?:\s+Stock\s+Exchange)?|Euronext(?:\s+\w+)?|TSX|ASX|SGX|Shanghai"
    r"|Shenzhen|STAR\s+Market|Tokyo(?:\s+Stock\s+Exchange)?|KOSDAQ|KOSPI|Wall\s+Street"
    r"|(?:stock\s+)?(?:market|exchange))"
)
EXCHANGE_NAME = re.compile(_EXCHANGE, _I)
# What a supply or compute deal is about ("taps Oracle for data center capacity").
_COMMERCIAL = (
    r"(?:compute|computing|capacity|chips?|silicon|processors?|accelerators?|GPUs?|TPUs?"
    r"|cloud|servers?|data[\s-]?cent(?:er|re)s?|datacent(?:er|re)s?|power|energy|electricity"
    r"|nuclear|reactors?|supply|supplies|infrastructure|hosting|models?|manufacturing|memory"
    r"|HBM|storage|networking|gigawatts?|GW|megawatts?|MW|services|supercomputers?"
    r"|factor(?:y|ies)|clusters?|foundry|wafers?|fabs?|inference|training|search|assistant"
    r"|chatbot|software|platform|technology|tech|deal|contract)"
)
# Goods a company buys from another in bulk ("$2 billion of optical parts")
_GOODS = (
    r"(?:parts|components|equipment|hardware|modules|optics|transceivers|lasers|cables"
    r"|switches|racks|systems|products|materials|panels|batteries|sensors|chips|GPUs|servers"
    r"|memory|wafers|capacity|compute|power|electricity)"
)
# Land and buildings: bought or planned, no company ("purchase of the Elmhurst campus")
_PROPERTY = (
    r"(?:plant|site|campus|buildings?|land|propert(?:y|ies)|warehouse|factory|mill"
    r"|facilit(?:y|ies)|acres|headquarters|offices?|real\s+estate|parcels?|lots?|neighbou?rhood"
    r"|district|redevelopment|development)"
)
# Agreements between governments or about politics, not companies ("sign trade deal").
_POLITICAL = (
    r"(?:trade|tariff|peace|ceasefire|budget|climate|nuclear\s+arms|plea|tax|debt|border)\b"
)
# The people of the companies before a verb, who act for themselves, not their companies.
_PEOPLE_OF = "".join(
    rf"(?<!\b{w}\s)"
    for w in (
        "founders",
        "co-founders",
        "CEOs",
        "ceos",
        "bosses",
        "chiefs",
        "executives",
        "leaders",
        "employees",
        "staff",
        "workers",
        "engineers",
        "researchers",
    )
)
_STAKE = (
    rf"(?:{_ART}(?:\d+(?:\.\d+)?\s?(?:%|pct|per\s?cent)\s+)?(?:stake|holding|shareholding"
    rf"|interest|equity\s+stake|share)s?\b)"
)

_ENGLISH: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- IPO
    _rule(
        "ipo",
        "ipo",
        # not an IPO of the past ("since IPO", "post-IPO", "a year after IPO", "below its IPO
        # price")
        r"(?<!since\s)(?<!since\sits\s)(?<!post-)(?<!pre-)(?<!its\sfirst\s)"
        r"(?<!after\s)(?<!after\sits\s)(?<!after\stheir\s)(?<!before\sits\s)"
        # nor the IPO as a season or a date ("the IPO window", "Arm IPO anniversary")
        r"\b(?:IPOs?(?!\s+(?:price|lock-?up|pop|anniversary|window|market|drought|boom|wave"
        r"|pipeline|season|frenzy|class|fever|craze|rush|bubble|slump|etfs?|index|indices|funds?"
        r"|rules|regime|reforms?|readiness|ready)\b)(?!-bound)(?!-ready)"
        r"|initial\s+public\s+offering"
        r"|go(?:es|ing)?\s+public"
        r"|public\s+(?:debut|listing)"
        r"|(?:stock|market|trading|Nasdaq|NYSE)\s+debut|direct\s+listing"
        r"|(?:submits?|submitted|files?|filed)\s+(?:\w+\s+){0,2}?(?:S-1|F-1)|files?\s+(?:confidentially\s+)?"
        r"(?:for|to)\s+(?:an?\s+)?(?:U\.?S\.?\s+)?(?:listing|float)|flotation"
        r"|(?:lodg|fil|publish)(?:es|ed|e|ing)?\s+(?:an?\s+|its\s+)?(?:IPO\s+|draft\s+)?prospectus"
        r"|intention\s+to\s+float"
        rf"|{_EXCHANGE}\s+float|float\s+on\s+(?:the\s+)?{_EXCHANGE}"
        rf"|(?:lists?|listed|debut(?:s|ed)?|(?:begins?|began|starts?|started|commences?)\s+trading)"
        rf"\s+(?:its\s+)?(?:shares\s+|stock\s+)?(?:on|in)\s+(?:the\s+)?{_EXCHANGE}"
        rf"|{_EXCHANGE}\s+(?:debut|listing)"
        # "Canva weighs US listing", "eyes a New York listing next year"
        r"|(?:weighs?|weighing|mulls?|mulling|considers?|considering|eyes|eyeing|plans?|planning"
        r"|explores?|exploring|prepares?\s+for|preparing\s+for|targets?|targeting|pursues?)\s+"
        rf"(?:an?\s+|its\s+)?(?:(?:U\.?S\.?|New\s+York|{_EXCHANGE}|public|stock\s+market|overseas"
        r"|domestic|dual|secondary)\s+)?listing\b(?!\s+(?:of|on\s+the\s+marketplace)\b)"
        r"|rul(?:es|ed|ing)\s+out\s+(?:an?\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:float|listing)"
        r"|(?:shares|stock)\s+(?:list|debut)(?:s|ed)?"
        # "to list robotics spin-off in Frankfurt"; "debutó en el Nasdaq", "estreia na Nasdaq"
        r"|\blist(?:s|ing)?\s+(?:its\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:spin-?off|unit"
        r"|subsidiary|division)\s+(?:on|in)\s+(?=(?-i:[A-Z]))"
        rf"|(?:debut(?:ó|a|e|ou)|estreia|estreou)\s+(?:en|na|no)\s+(?:el\s+|la\s+|a\s+|o\s+)?"
        rf"{_EXCHANGE})\b",
        "issuer",
        None,
        needs_right=False,
    ),
    # ---------------------------------------------------------------- joint venture
    _rule(
        "joint-venture",
        "joint-venture",
        r"\bjoint[- ]venture\b|\bJV\b",
        "partner",
        "partner",
        needs_right=False,
    ),
    # "X and Y launch a $30B fund", "... form 'SB OpenAI Japan'",
    # "... set up a sovereign AI venture"
    _rule(
        "jv-plural",
        "joint-venture",
        r"\b(?:launch(?:es|ed)?|form(?:s|ed)?|set(?:s)?\s+up|found(?:s|ed)?|creat(?:e|es|ed)"
        r"|establish(?:es|ed)?|start(?:s|ed)?|build(?:s)?|unveil(?:s|ed)?)\s+"
        r"(?:(?:§+|[\w'’-]+)\s+){0,5}?(?:venture|fund|company|firm|JV|entity)\b"
        r"|\bform(?:s|ed)?\s+['‘\"“]",
        "partner",
        "partner",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    # ---------------------------------------------------------------- licensing
    _rule(
        "license-out",
        "licensing",
        r"\blicen[cs](?:e|es|ed|ing)\s+(?:its|their|the|(?:[\w'’-]+\s+){1,4}?(?=to\s+[A-Z]))"
        r"[\w\s-]{0,40}?\bto\b",
        "licensor",
        "licensee",
    ),
    _rule(
        "grants-licence",
        "licensing",
        r"\bgrant(?:s|ed|ing)?\s+(?:[\w.&'’-]+\s+){1,3}?(?:an?\s+)?(?:(?:exclusive|non-exclusive|global"
        r"|perpetual|worldwide|multi-year)\s+)*licen[cs]e\b",
        "licensor",
        None,
        needs_right=False,
        inside="licensee",
    ),
    # "AP to provide real-time news feed to Google's Gemini app": content licensed to a company
    _rule(
        "provides-content",
        "licensing",
        r"\b(?:provid(?:e|es|ed|ing)|suppl(?:y|ies|ied)|offer(?:s|ed)?)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:news|content|archives?|articles|footage|catalog(?:ue)?|journalism)(?:\s+(?:feeds?"
        r"|library|licen[cs]es?))?\s+to\b(?=\s+[A-Z])",
        "licensor",
        "licensee",
    ),
    # "Google Gets Character.AI Co-Founders", "Google Hires Character.AI Leaders": a licence-and-
    # hire deal told by its hire (not "hires former Google exec", nor "poaches OpenAI researchers")
    _rule(
        "hires-founders",
        "licensing",
        r"\b(?:hir(?:e|es|ed|ing)|gets?|got|lands?|landed|brings?\s+(?:on|in)|absorbs?|nabs?"
        r"|taps?|tapped|poach(?:es|ed)?)\s+"
        r"(?:[\w.&'’:-]+\s+){1,3}?(?:co-?founders|founders|founding\s+team|leaders|leadership"
        r"(?:\s+team)?|CEO\s+and\s+(?:co-?founders?|team|staff))\b",
        "licensee",
        None,
        needs_right=False,
        inside="licensor",
    ),
    _rule(
        "licensing",
        "licensing",
        # a licence granted, not one talked about ("the Llama license", "need licenses to")
        r"\b(?:licen[cs](?:e|es|ed|ing)[- ](?:and|&)[- ]hire|licens(?:es|ed)\s+(?!(?:to|for|from|in"
        r"|on|of|and|or|are|were|is|was|that|which|nothing|everything|anything|themselves)\b)(?=\w)"
        r"|(?:to|will|agrees?\s+to|plans?\s+to)\s+licen[cs]e\b"
        # "Microsoft is licensing Harbor's voice models"
        r"|(?:is|are)\s+licensing\s+(?-i:(?=[A-Z]))"
        r"|licen[cs](?:e|ing)\s+(?:deal|agreement|pact|partnership|arrangement|contract)"
        r"|(?:content|data|news|archive)"
        r"\s+(?:deal|agreement|pact|partnership)|acqui-?hire"
        # several signed at once ("has signed multi-year licensing agreements with"), not
        # "the licensing agreements publishers have struck with OpenAI"
        r"|(?:sign(?:s|ed)?|inks?|inked|strikes?|struck|seal(?:s|ed)?)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:licen[cs](?:e|ing)|content|data|news)\s+(?:deals|agreements|pacts))\b",
        "licensee",
        "licensor",
        needs_right=False,
    ),
    # ---------------------------------------------------------------- investment (stake)
    _rule(
        "stake-buy",
        "investment",
        rf"\b(?:{_BUY}|tak(?:e|es|ing)|took|buil(?:d|ds|t)|rais(?:e|es|ed)|lift(?:s|ed)?|up(?:s|ped)"
        rf"|increas(?:e|es|ed)|boost(?:s|ed)?|has|holds?|gets?|obtain(?:s|ed)?|seeks?"
        rf"|picks?\s+up|picked\s+up)\s+"
        rf"{_MONEYISH}{_STAKE}\s+(?:in|of)\b",
        "investor",
        "target",
    ),
    # "Mubadala bought Temasek's 9% stake in Navtara AI": a holder's stake bought from it
    _rule(
        "buys-holders-stake",
        "investment",
        rf"\b(?:buy(?:s|ing)?|bought|acquir(?:es|ed|ing)|purchas(?:es|ed|ing)|to\s+buy"
        rf"|to\s+acquire)\s+{_INSIDE_NAME}['’]s?\s+(?:(?:§+|\d+(?:\.\d+)?\s?%|[\w-]+)\s+){{0,2}}?"
        r"(?:stake|holding|shareholding)\s+in\b",
        "investor",
        "target",
        inside="seller",
    ),
    # "SoftBank buys $2 billion of Intel shares": a stake bought as shares, not the company
    _rule(
        "buys-shares",
        "investment",
        r"\b(?:buy(?:s|ing)?|bought|purchas(?:e|es|ed)|(?:to|will)\s+buy)\s+"
        r"(?:(?:§+|worth|up\s+to|about|more\s+than|over)\s+)+of\b"
        r"(?=\s+(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,2}(?:['’]s?)?\s+"
        r"(?:(?:common|new|newly\s+issued|class\s+[a-c])\s+)?(?:shares|stock|equity)\b)",
        "investor",
        "target",
    ),
    # "Intel sells 10% stake to SoftBank": a company sells a share of itself, short of control
    _rule(
        "sells-own-stake",
        "investment",
        r"\b(?:sell(?:s|ing)?|sold|to\s+sell)\s+(?:an?\s+)?(?:(?:[1-4]?\d(?:\.\d+)?\s?(?:%|pct|per\s?cent)"
        r"|minority|small)\s+)(?:stake|holding|shareholding)\s+to\b",
        "target",
        "investor",
    ),
    _rule(
        "pct-of",
        "investment",
        r"\b(?:has|holds?|buys?|bought|acquires?|acquired|takes?|owns?)\s+(?:a\s+)?"
        r"\d+(?:\.\d+)?\s?(?:pct|%|per\s?cent)(?:\s+stake)?\s+(?:of|in)\b",
        "investor",
        "target",
    ),
    _rule(
        "invest-in",
        "investment",
        rf"\b(?:invest(?:s|ed|ing)?|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|put(?:s|ting)?"
        rf"|inject(?:s|ed|ing)?|commits?|to\s+back)\s+"
        rf"(?:(?:an?\s+)?(?:additional|further|another|more|up\s+to)\s+)?{_MONEYISH}"
        # a sum told vaguely: "to invest several hundred million dollars in Vireo"
        r"(?:(?:several|a\s+few|hundreds\s+of|tens\s+of|billions\s+of|millions\s+of)\s+"
        r"(?:[§¦]+\s+|(?:hundred\s+)?(?:(?:million|billion)\s+)?(?:dollars|euros|pounds|yen)\s+))?"
        r"(?:more\s+)?(?:(?:money|cash|capital|funds)\s+)?(?:in|into)\b",
        "investor",
        "target",
    ),
    # "Nvidia Bets $5 Billion on Intel", "Amazon Doubles Down on Anthropic", "SoftBank's $40
    # Billion Bet on OpenAI": a named company after "on" (not "bets on agents")
    _rule(
        "bets-on",
        "investment",
        r"\b(?:bets?|betting|doubl(?:es|ed|ing)\s+down)\s+(?:big\s+|heavily\s+|again\s+|§+\s+)?on\b"
        r"(?=\s+(?:(?-i:[A-Z])[\w.&'’-]*))|['’]s\s+(?:§+\s+)?(?:[\w-]+\s+)?bet\s+on\b"
        r"(?=\s+(?-i:[A-Z]))",
        "investor",
        "target",
    ),
    _rule(
        "check-to",
        "investment",
        rf"\b(?:writ(?:es|ing|ten)|wrote|cut(?:s|ting)?)\s+(?:an?\s+)?{M}\s+(?:check|cheque)\s+"
        r"(?:to|for|into|in)\b",
        "investor",
        "target",
    ),
    # "Mubadala Backs Helmsley AI in $400 Million Round": a round, the backer among its investors
    _rule(
        "backs-round",
        "funding",
        r"(?<!-)\b(?:backs|backed|to\s+back)\s+(?!by\b)(?=[A-Z0-9])(?=(?:[\w.&'’-]+\s+){1,5}?in\s+"
        r"(?:an?\s+|its\s+|the\s+)?§+\s+(?:[\w-]+\s+){0,2}?(?:round|raise|funding|financing"
        r"|series\s+[a-k]|(?:pre-)?seed)\b)",
        "investor",
        "target",
    ),
    _rule(
        "backs",
        "investment",
        r"(?<!-)\b(?:backs|backed|to\s+back)\s+(?!by\b)(?=[A-Z0-9])"
        # "Y's board backs X's $2 billion bid": support, not money
        r"(?!(?:[\w.&'’§-]+\s+){0,4}?(?:bid|offer|proposal|takeover|merger|deal|plan|bill|law"
        r"|candidate|effort|push|rules?|ban|accelerator|incubator|programm?e?|initiative|hackathon"
        r"|challenge|competition|scheme|pledge|campaign|code|standards?)s?\b)",
        "investor",
        "target",
    ),
    # "Goldman Sachs and Thoma Bravo back Glean": the plural verb, after named investors
    _rule(
        "back-plural",
        "investment",
        r"(?<!-)\bback\s+(?!by\b)(?=[A-Z0-9])",
        "investor",
        "target",
        plural=True,
        adjacent=True,
    ),
    _rule(
        "leads-round",
        "funding",
        rf"\b(?:leads?|led|co-leads?|joins?|joined|participates?\s+in)\s+{_MONEYISH}[\w\s-]{{0,30}}?"
        r"\b(?:round|funding|financing|raise|series\s+[a-k](?:-\d)?|(?:pre-)?seed)\s+(?:in|for|of|into)\b"
        # "Alphabet's GV leads $50M bet on Pellucid"
        rf"|\b(?:leads?|led|co-leads?|co-led)\s+(?:an?\s+)?{M}\s+(?:bet|wager)\s+on\b"
        # "Radical Ventures leads Fennick's $20M Series A", "Leading Brindle's Series A"
        r"|\b(?:leads?|led|co-leads?|co-led|leading|co-leading)\s+(?=(?:[A-Z][\w.&-]*\s+){0,3}?"
        r"[A-Z][\w.&-]*['’]s?\s+(?:§+\s+)?(?:[\w-]+\s+)?(?:(?:pre-)?seed|series\s+[a-k]\b|round"
        r"|funding|financing|raise)\b)"
        # "SoftBank leads $40B OpenAI round", "Northwind Capital leads Quillstack Series A"
        r"|\b(?:leads?|led|co-leads?|co-led)\s+(?:an?\s+|the\s+)?(?:§+\s+)?(?=(?-i:[A-Z][\w.&-]*)"
        r"(?:\s+(?-i:[A-Z][\w.&-]*)){0,2}\s+(?:(?:pre-)?seed|series\s+[a-k]\b|funding\s+round"
        r"|round)\b)",
        "investor",
        "target",
    ),
    _rule(
        "investment-from",
        "investment",
        rf"\b(?:gets?|wins?|receives?|secures?|lands?|lures?|attracts?|takes?|announc(?:es|ed|ing)"
        rf"|welcom(?:es|ed|ing))\s+{_MONEYISH}"
        r"(?:[\w-]+\s+){0,2}?investment\s+(?:from|by)\b",
        "target",
        "investor",
    ),
    _rule(
        "completes-investment",
        "investment",
        r"\b(?:complet(?:es|ed)|clos(?:es|ed)|finali[sz](?:es|ed)|announc(?:es|ed)|mak(?:es|e)|made"
        r"|seal(?:s|ed)?)\s+(?:[\w.:&'’-]+\s+){0,2}?(?:§+\s+)?(?:[\w.:&'’-]+\s+){0,2}?"
        r"investment\b(?!\s+(?:in|into|from|by)\b)",
        "investor",
        None,
        needs_right=False,
        inside="target",
    ),
    _rule(
        "stake-noun",
        "investment",
        rf"{M}\s+(?:minority\s+|majority\s+|equity\s+)?stake\s+in\b",
        "investor",
        "target",
        strong=False,
    ),
    _rule(
        "stake-change",
        "investment",
        r"\b(?:cut(?:s|ting)?|lift(?:s|ed)?|rais(?:es|ed)|ups|upped|boost(?:s|ed)?|increas(?:es|ed)"
        r"|reduc(?:es|ed)|lower(?:s|ed)|trim(?:s|med)?|has|holds?|buys?|bought|takes?|took"
        r"|build(?:s|ing)?|built)\s+(?:(?:§+|[\w.&'’-]+)\s+){0,4}?stake\b",
        "investor",
        None,
        needs_right=False,
        inside="target",
    ),
    _rule(
        "investment-in",
        "investment",
        rf"\b(?:{_MONEYISH}|\b)investment\s+(?:in|into)\b",
        "investor",
        "target",
        strong=False,
    ),
    # ---------------------------------------------------------------- funding
    _rule(
        "raises",
        "funding",
        # "the CEO on raising money in a downturn": a raise as the topic of a talk, not a raise
        # nor a past raise told in a relative clause ("Figure AI, which raised $1 billion last
        # year, showed a new hand")
        rf"\b(?<!\bon\s)(?<!\babout\s)(?<!\bwhich\s)(?<!\bwho\s)(?<!\bwhich\shas\s)"
        rf"(?<!\bwhich\shad\s)(?:rais(?:es|ed|ing|e)|secur(?:es|ed|e|ing)|lands?|landed|clos(?:es|ed|e)|nabs?|bags?|grabs?"
        rf"|snags?|pulls?\s+in|rakes?\s+in|hauls?\s+in|collects?|gets?|receives?|wins?|scores?"
        rf"|nets?|netted|picks?\s+up|picked\s+up|reels?\s+in|brings?\s+in|draws?|drew|attracts?"
        rf"|attracted|pockets?|pocketed|scoops?\s+up|scooped\s+up)\s+"
        rf"(?:{_ART}(?:{M}\s+|[a-z]+\s+)?(?:pre-seed|pre-ipo|seed|series\s+[a-k]\b|funding"
        rf"|financing|round|venture"
        rf"|growth|capital|investment|equity|money|cash|backing)|(?:{_ART})(?:[\w-]+-figure|(?:seven|eight|nine|ten)"
        rf"\s+figure)\s+(?:sum|round|raise|amount|check|cheque|investment)"
        rf"|(?:again|anew)\b|(?:up\s+to\s+|over\s+|nearly\s+)?{M}(?!§)"
        r"(?!\s+(?:[\w-]+\s+){0,3}?(?:deals?|contracts?|orders?|agreements?|pacts?|awards?|prizes?"
        r"|profits?|revenues?|sales|takeover|buyout|bids?|offers?|approach(?:es)?|proposals?)\b))",
        "target",
        None,
        needs_right=False,
    ),
    # "Periodic Labs emerges from stealth with $300 million": a company that starts out with
    # money raised; "launches with" only when the money is named as funding or has backers
    _rule(
        "debuts-with",
        "funding",
        rf"\b(?:(?:emerg(?:es|ed|ing)|comes?|came|coming|steps?|stepped|breaks?|broke)\s+"
        rf"(?:from|out\s+of)\s+stealth|exits?\s+stealth|exited\s+stealth)\s+(?:mode\s+)?"
        rf"with\s+(?:(?:up\s+to|over|nearly|more\s+than|almost)\s+)?{M}"
        rf"|\b(?:launch(?:es|ed)?|debut(?:s|ed)?)\s+(?:today\s+|this\s+week\s+)?with\s+(?:(?:up\s+to|over|nearly|more\s+than"
        rf"|almost)\s+)?{M}(?=\s+(?:in\s+|of\s+)?(?:new\s+|initial\s+)?(?:pre-seed|seed"
        rf"|funding|financing|backing|venture|investment|capital)\b|\s+(?:from|led\s+by"
        rf"|backed\s+by)\s)"
        # "Lumora launches with backing from Sequoia", "… debuts with backers including Accel"
        r"|\b(?:launch(?:es|ed|ing)?|debut(?:s|ed|ing)?|(?:emerg(?:es|ed|ing)|comes?|came)\s+"
        r"(?:from|out\s+of)\s+stealth|exits?\s+stealth|exited\s+stealth)\s+with\s+"
        r"(?:(?:the\s+)?(?:a\s+number\s+of\s+)?(?:major|big|top|notable|high-profile|early|strong"
        r"|some|several|financial)\s+)*(?:backing|backers|investors|support)\s+(?:from|including"
        r"|led\s+by|such\s+as)\b",
        "target",
        None,
        needs_right=False,
    ),
    # "Ferrule backed with $20 million from Khosla", "Investors back Halvio with $40M": a round
    # told by its backing, the company backed named by the clause
    _rule(
        "backed-with",
        "funding",
        rf"\b(?:backed|funded)\s+with\s+(?:{_ABOUT}){M}",
        "target",
        None,
        needs_right=False,
        adjacent=True,
    ),
    _rule(
        "investors-back",
        "funding",
        rf"^(?:[^\w]*)(?:investors|backers|VCs|venture\s+capitalists)\s+(?:back\s+(?=(?:[\w.&'’-]+\s+)"
        rf"{{1,3}}?(?:with\s+(?:{_ABOUT}){M}|in\s+))|(?:pour|pump|bet)\s+(?:{_ABOUT}){M}\s+(?:into|on)\s+)"
        r"(?=[A-Z0-9])",
        None,
        "target",
    ),
    # "Drishyam ropes in Peak XV for ₹80 crore round": the investor brought in, named after the verb
    _rule(
        "ropes-in",
        "funding",
        r"\b(?:ropes?|roped|roping)\s+in\s+(?=(?:[\w.&'’-]+\s+){1,4}?(?:for|in|as)\s+(?:an?\s+|its\s+"
        r"|the\s+)?(?:§+\s+)?(?:[\w-]+\s+){0,2}?(?:round|funding|financing|investment|investors?"
        r"|backers?|series\s+[a-k]|seed)\b)",
        "target",
        "investor",
    ),
    # "Mistral AI valued at ... after ASML-led fundraise": the investor is in the trigger
    _rule(
        "led-round",
        "funding",
        r"\b[\w.&]+(?:\s[A-Z][\w.&]*)*-led\s+(?:(?:§+|[\w-]+)\s+){0,3}?(?:round|fundraise|fundraising"
        r"|financing|funding|raise|investment)\b",
        "target",
        None,
        needs_right=False,
    ),
    _rule(
        "adds-to-round",
        "funding",
        rf"\badd(?:s|ed)?\s+{M}(?=[^.;]{{0,50}}?\b(?:round|funding|financing|raise|close)\b)",
        "target",
        None,
        needs_right=False,
    ),
    # "Parsewell is raising at a $400M valuation": a round told by its valuation alone
    _rule(
        "raising-at",
        "funding",
        r"\b(?:rais(?:es|ed|ing)|to\s+raise)\s+(?:(?:new\s+|fresh\s+|more\s+)?(?:money|funds|funding|capital"
        r"|cash)\s+)?at\s+(?:an?\s+)?(?:(?:up\s+to|over|nearly|more\s+than|about|around|almost"
        r"|some|roughly)\s+)?¤+(?:[-\s]plus)?\s+(?:[\w-]+\s+)?valuation\b",
        "target",
        None,
        needs_right=False,
    ),
    # "Figure Valued at $39 Billion": a private company valued is a round's news (a listed
    # company's market value is not: ``_classify`` keeps this rule to startups and labs)
    _rule(
        "valued-at",
        "funding",
        r"\b(?:(?:is|now|newly)\s+)?valued\s+at\s+(?:(?:up\s+to|over|nearly|more\s+than|about"
        r"|around|almost|some)\s+)?¤+",
        "target",
        None,
        strong=False,
        needs_right=False,
        adjacent=True,  # the company valued, not "equity in X valued at"
    ),
    # "Ramp is now worth $32 billion after its latest raise": the round that set the worth
    _rule(
        "worth-after-round",
        "funding",
        r"\b(?:is\s+)?(?:now\s+)?(?:worth|valued\s+at)\s+(?:(?:up\s+to|over|nearly|more\s+than"
        r"|about|around|almost|some)\s+)?¤+\s+(?:after|following|with|thanks\s+to)\s+"
        r"(?:its\s+|a\s+|the\s+)?(?:latest\s+|new\s+|fresh\s+|newest\s+|recent\s+|§+\s+)*"
        r"(?:raise|round|funding(?:\s+round)?|fundraise|fundraising|financing|series\s+[a-k])\b",
        "target",
        None,
        needs_right=False,
        adjacent=True,
    ),
    # "Decagon doubles valuation to $4.5B", "Sierra triples its valuation to $10 billion": a
    # round told by the valuation it set
    _rule(
        "valuation-to",
        "funding",
        r"\b(?:(?:more\s+than\s+)?(?:doubles|doubled|doubling|triples|tripled|tripling|quadruples"
        r"|quadrupled)|(?:lifts|lifted|boosts|boosted|ups|upped|hikes|hiked|jumps|bumps|bumped)"
        r")\s+(?:its\s+|their\s+)?valuation\s+to\s+(?:(?:nearly|about|over|more\s+than|some)\s+)?"
        r"[¤§]+",
        "target",
        None,
        needs_right=False,
        adjacent=True,
    ),
    # "A $12bn financing values Lumen at $90bn", "Fresh $600M infusion for Lumen": the round
    # first, the company after it
    _rule(
        "round-for",
        "funding",
        rf"{M}\s+(?:[\w-]+\s+){{0,2}}?(?:funding|financing|infusion|round|raise|fundraise"
        r"|investment|(?:cash\s+)?injection|boost|series\s+[a-k]|seed)\s+(?:values?|valuing|for|into)\s+"
        r"(?=[A-Z0-9])",
        None,
        "target",
    ),
    # "$500M for Ferrule, the humanoid hand maker", "€30m for Paris-based Parcelo": a headline that
    # opens with the money and the company it goes to
    _rule(
        "money-for",
        "funding",
        rf"^[^\w§]*(?:{_ABOUT}){M}\s+(?:in\s+(?:new\s+)?(?:funding|financing)\s+)?for\s+(?=[\w-]+)"
        r"(?!(?:[\w.&-]+\s+){0,3}?[\w.&-]+['’]s\b)",  # "$100 million for OpenAI's Sora team"
        None,
        "target",
        strong=False,
    ),
    # "Mistral's Big Raise", "Inside Lovable's mega round": a round named by its size alone
    _rule(
        "possessive-round",
        "funding",
        r"['’]s?\s+(?:(?:(?:big|huge|mega|massive|latest|new|record|giant|monster|fresh|blockbuster"
        r"|bumper|jumbo|whopping|eye-popping)\s+){1,2}|§+\s+)(?:raise|round|fundraise|fundraising"
        r"|funding(?:\s+round)?|seed(?:\s+round)?|series\s+[a-k]\d?(?:\s+round)?)\b",
        "target",
        None,
        strong=False,
        needs_right=False,
    ),
    _rule(
        "round-noun",
        "funding",
        rf"(?:{M}\s+|\b)(?:(?:pre-seed|seed|series\s+[a-k](?:[- ]?\d)?|growth|bridge|venture"
        r"|funding)"
        r"\s+)(?:round|funding|financing|extension)\b"
        # (not a round as a topic: "What we look for in a Series A pitch", "the Series A crunch")
        r"|\bseries\s+[a-k]\b(?!\s+(?:pitch(?:es)?|decks?|founders?|companies|startups|stage|investing"
        r"|investors?|market|crunch|playbook|checklist|metrics|benchmarks?|valuations?|bar)\b)"
        r"|\bfunding\s+round\b"
        # not a round of the past the story only refers to ("eyes acquisitions after $200m
        # round", "following its $40M Series B")
        rf"|(?<!after\s)(?<!following\s)(?<!since\s)(?<!§){M}\s+(?:funding|financing|round|raise|fundraise"
        r"|fundraising)\b"
        # "announcing $40 billion in new funding", "$2M of seed financing"
        rf"|{M}\s+(?:in|of)\s+(?:new\s+|fresh\s+|additional\s+|seed\s+|venture\s+|growth\s+)?"
        r"(?:funding|financing|capital)\b",
        "target",
        None,
        strong=False,
        needs_right=False,
    ),
    # ---------------------------------------------------------------- acquisition
    _rule(
        "acquired-by",
        "acquisition",
        rf"\b(?:(?:to\s+(?:be|get)\s+|being\s+|was\s+|is\s+|been\s+|gets?\s+|got\s+)?(?:acquired"
        rf"|bought|purchased|taken\s+over|snapped\s+up|scooped\s+up|gobbled\s+up|absorbed"
        rf"|swallowed(?:\s+up)?)|sold|sells(?:\s+itself)?|agree(?:s|d)?\s+to\s+be\s+(?:acquired|bought))\s+"
        rf"(?:{_MONEYISH}|for\s+§+\s+)?(?:by|to)\b",
        "target",
        "acquirer",
    ),
    # "we're excited to welcome the team behind Sky to OpenAI": the makers of a product join
    _rule(
        "team-behind",
        "acquisition",
        r"\bwelcom(?:e|es|ed|ing)\s+the\s+(?:[\w-]+\s+)?team\s+(?:behind|from|at|of)\b",
        "acquirer",
        "target",
    ),
    _rule(
        "takes-control",
        "acquisition",
        r"\b(?:tak(?:e|es|ing)|took|gain(?:s|ed)?|seiz(?:e|es|ed)|assum(?:e|es|ed))\s+"
        r"(?:full\s+|majority\s+)?control\s+of\b",
        "acquirer",
        "target",
    ),
    # "Wescott Agrees to Sell Itself to Private-Equity Firm Halberd": the seller is the target
    _rule(
        "sells-itself",
        "acquisition",
        r"\b(?:sell(?:s|ing)?|sold)\s+itself\s+to\b",
        "target",
        "acquirer",
    ),
    _rule(
        "sells",
        "acquisition",
        rf"\b(?:sell(?:s|ing)?|sold|divest(?:s|ed|ing)?|offload(?:s|ed)?|dispos(?:e|es|ed)\s+of"
        rf"|flog(?:s|ged)?|hiv(?:e|es|ed)\s+off"
        rf"|spin(?:s|ning)?\s+off|carve(?:s)?\s+out)\s+(?:{_ART}|[\w.&'’-]+\s+){{0,5}}?"
        r"(?:unit|division|business(?:es)?|subsidiar(?:y|ies)|operations?|arm|assets?|brands?|plants?"
        r"|mills?|stations?|chain|portfolio|segment|company|firm|startup|outfit|maker"
        r"|branch(?:es)?|hotel)\b"
        # "sell server-building arm ZT Systems' manufacturing unit to Sanmina": the last unit
        r"(?!\s+(?:[\w.&'’-]+\s+){1,3}?(?:unit|division|business|arm|subsidiary)\s+to\b)",
        "seller",
        "target",
        needs_right=False,
        inside="target",  # "sell its Altera unit to Silver Lake": Altera is sold
    ),
    # "Vantor sells Quillstack to Brightwell", "Intel to sell Altera to Silver Lake": a company
    # named between the sale and its buyer (not "sells H20 Chips to China": goods)
    _rule(
        "sells-company",
        "acquisition",
        rf"\b(?:sell(?:s|ing)?|sold|offload(?:s|ed|ing)?|divest(?:s|ed|ing)?|flog(?:s|ged)?)\s+"
        rf"(?!(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){{0,2}}?\s+(?i:{_GOODS}|shares|stake"
        r"|stock|units?|assets|bonds|notes|ads|data|licen[cs]es?|rights|tickets|cars|phones"
        r"|devices|models)\s)"
        rf"{_INSIDE_NAME}(?=\s+(?i:to)\s+(?-i:[A-Z]))",
        "seller",
        "acquirer",
        inside="target",
    ),
    # "GOVERNMENT TO SELL 25 PCT OF AIR NEW ZEALAND": a share of a company sold
    _rule(
        "sells-pct",
        "acquisition",
        # "Intel offloads majority of Altera to Silver Lake", "divests 51% of X"
        r"\b(?:sell(?:s|ing)?|sold|divest(?:s|ed|ing)?|offload(?:s|ed|ing)?|flog(?:s|ged|ging)?)\s+"
        r"(?:a\s+|the\s+)?(?:\d+(?:\.\d+)?\s?(?:pct|%|per\s?cent)|majority|controlling)"
        r"(?:\s+stake)?\s+(?:of|in)\b",
        "seller",
        "target",
    ),
    # a stake or shares sold are a deal only with the buyer named ("sells its stake in Y to
    # Z"), not a sale on the market ("SoftBank sells its entire Nvidia stake")
    _rule(
        "sells-stake",
        "acquisition",
        r"\b(?:sell(?:s|ing)?|sold|offload(?:s|ed)?|dispos(?:e|es|ed)\s+of)\s+"
        r"(?:(?:§+|[\w.&'’%-]+)\s+){0,5}?(?:stake|holding|interest|shares)\b",
        "seller",
        "target",
        inside="target",  # "sell its AirTrunk stake to Blackstone": AirTrunk's shares are sold
    ),
    # "Shareholders of Brightpath reject $2 billion offer from Crestline": the bidder after "from"
    # "Salesforce has approached Fieldstone AI about a takeover": a buyer's approach
    _rule(
        "approaches",
        "acquisition",
        r"\bapproach(?:es|ed|ing)?\s+(?=(?:[\w.&'’-]+\s+){1,4}?(?:about|over|regarding|with)\s+(?:an?\s+"
        r"|the\s+)?(?:possible\s+|potential\s+)?(?:takeover|acquisition|buyout|merger|deal\s+to"
        r"\s+buy|bid|offer|sale)\b)",
        "acquirer",
        "target",
    ),
    _rule(
        "offer-from",
        "acquisition",
        r"\b(?:reject(?:s|ed)?|rebuff(?:s|ed)?|spurn(?:s|ed)?|turn(?:s|ed)?\s+down|snub(?:s|bed)?"
        r"|dismiss(?:es|ed)?|gets?|got|receiv(?:es|ed)|weigh(?:s|ing)|consider(?:s|ing)|accepts?"
        r"|accepted|welcomes?|welcomed)\s+(?:[\w.:&'’-]+\s+){0,3}?(?:[¦§]+\s+(?:[\w-]+\s+)?)?(?:takeover\s+"
        r"|buyout\s+|acquisition\s+|cash\s+)?(?:bid|offer|approach|proposal)s?\s+from\b",
        "target",
        "acquirer",
    ),
    # "Sonder Robotics Denies Tesla Talks", "Lumora shoots down sale report", "Harvey
    # Dismisses Takeover Talk": the company denied a sale of itself (the status reads it)
    _rule(
        "denies-talks",
        "acquisition",
        r"\b(?:den(?:ies|ied|y)|dismiss(?:es|ed)?|shoots?\s+down|shot\s+down|refut(?:es|ed)"
        r"|rebuts?|quash(?:es|ed)?|knocks?\s+down|pours?\s+cold\s+water\s+on)\s+(?:the\s+)?"
        r"(?:(?:(?!stake\b)[\w-]+\s+)?(?:sale|takeover|buyout|acquisition)\s+(?:talks?|reports?|rumou?rs?"
        r"|speculation|chatter)"
        rf"|{_INSIDE_NAME}\s+(?:takeover\s+|buyout\s+|acquisition\s+|deal\s+)?talks)\b",
        "target",
        None,
        needs_right=False,
        inside="acquirer",
    ),
    _rule(
        "rejects-bid",
        "acquisition",
        r"\b(?:reject(?:s|ed)?|rebuff(?:s|ed)?|spurn(?:s|ed)?|turn(?:s|ed)?\s+down|snub(?:s|bed)?"
        r"|dismiss(?:es|ed)?)\s+(?:[\w.:&'’-]+\s+){0,5}?(?:§+\s+)?(?:[\w-]+\s+)?(?:takeover\s+)?"
        r"(?:bid|offer|takeover|approach|proposal|buyout)\b",
        "target",
        None,
        needs_right=False,
        inside="acquirer",
    ),
    # "Nvidia's $20B Groq licensing deal", "Nvidia's Groq licence": a licence the owner of the
    # possessive takes from the company named in it
    _rule(
        "possessive-licence",
        "licensing",
        r"['’]s\s+(?:§+\s+)?(?:[\w.:&-]+\s+){1,3}?(?:licen[cs]e|licen[cs]ing\s+(?:deal|agreement|pact)"
        r")\b(?!\s+(?:with|for|of|to|from|in|on|fees?|terms|changes?|pricing|prices?|costs?|rules"
        r"|polic(?:y|ies)|audits?|model|plans?|tiers?)\b)",
        "licensee",
        None,
        needs_right=False,
        inside="licensor",
    ),
    _rule(
        "possessive-deal",
        "acquisition",
        r"['’]s\s+(?!(?:shareholders|stockholders|holders|investors|owners|board|directors)\s)"
        r"(?:(?:§+\s+)?(?:[\w.:&-]+\s+){1,3}?(?<!talent\s)(?<!customer\s)(?<!user\s)"
        r"(?:takeover|acquisition|purchase|buyout"
        r"|bid)|§+\s+(?:[\w.:&-]+\s+){1,3}?deal)\b(?!\s+(?:with|for|of|to|in)\b)"
        r"(?!\s+(?:spree|binge|streak|strategy|playbook|machine|appetite)\b)",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
    ),
    # "Nvidia's $100 billion OpenAI investment", "Amazon's $8B Anthropic check": the target
    # named inside, the possessive the investor
    _rule(
        "possessive-investment",
        "investment",
        r"['’]s\s+(?:§+\s+)(?:[\w.:&-]+\s+){1,3}?(?:investment|bet|check|cheque|backing|infusion"
        r"|injection)\b(?!\s+(?:in|into|on|of|to|for|from)\b)",
        "investor",
        None,
        needs_right=False,
        inside="target",
    ),
    _rule(
        "possessive-stake",
        "investment",
        r"['’]s\s+(?:§+\s+)?(?:[\w.:&-]+\s+){1,3}?stake\b(?!\s+(?:in|of|sale)\b)"
        # what a stake held is worth is no new stake ("X's Y stake would be worth $100B")
        r"(?!\s+(?:would|could|might|will|is|was|are|now|has|had)\s+(?:now\s+)?(?:be\s+|been\s+)?"
        r"(?:worth|valued|soar|jump|doubl|tripl|balloon)\w*)",
        "investor",
        None,
        needs_right=False,
        inside="target",
    ),
    # "Okta nears deal for AI security startup Axiom", "nears a $2B deal to buy Y"
    _rule(
        "nears-deal",
        "acquisition",
        r"\bnear(?:s|ing|ed)?\s+(?:an?\s+)?(?:§+\s+)?deal\s+(?:for|to\s+(?:buy|acquire))\b"
        # "Near $3 Billion Deal for Stake in Crusoe": a stake bought (``near-stake``)
        r"(?!\s+(?:an?\s+)?(?:[\w%.-]+\s+){0,2}?stake\b)",
        "acquirer",
        "target",
    ),
    _rule(
        "near-stake",
        "investment",
        r"\bnear(?:s|ing|ed)?\s+(?:an?\s+)?(?:§+\s+)?deal\s+(?:for|to\s+(?:buy|acquire|take))\s+"
        r"(?:an?\s+)?(?:[\w%.-]+\s+){0,2}?stake\s+in\b",
        "investor",
        "target",
    ),
    _rule(
        "agrees-to-sale",
        "acquisition",
        r"\b(?:agree(?:s|d)?(?:\s+to)?|accept(?:s|ed)?|approv(?:es|ed)|explor(?:es|ed|ing)|consider(?:s|ed|ing)"
        r"|weigh(?:s|ed|ing)|mull(?:s|ed|ing)|pursu(?:es|ed|ing)|near(?:s|ed|ing)?)\s+"
        r"(?:an?\s+|the\s+)?(?:possible\s+|potential\s+)?(?:§+\s+)?"
        r"(?:sale|takeover|buyout)\s+(?:to|by)\b",
        "target",
        "acquirer",
    ),
    # "Qualcomm walks away from $600 mln Arcwell deal"
    _rule(
        "walks-away",
        "acquisition",
        r"\bwalk(?:s|ed|ing)?\s+away\s+from\s+(?:its\s+|the\s+|a\s+)?(?:proposed\s+|planned\s+)?"
        r"(?:§+\s+)?(?:[\w.&'’-]+\s+){0,2}?(?:deal|takeover|acquisition|bid|merger|purchase|offer)\b",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
    ),
    _rule(
        "to-be-acquired",
        "acquisition",
        r"\b(?:agree(?:s|d)?\s+to\s+be|to\s+be|being|was|been|on\s+being)\s+(?:acquired|bought"
        r"|sold|taken\s+over|purchased)\b",
        "target",
        None,
        needs_right=False,
    ),
    # "Perplexity denies TikTok bid", "Lumora makes $2B Vexa takeover offer": the target named
    # inside, right before "bid"
    _rule(
        "name-bid",
        "acquisition",
        r"\b(?:den(?:y|ies|ied|ying)|confirm(?:s|ed)?|mak(?:es|ing)|made|launch(?:es|ed)?|submit(?:s|ted)?"
        r"|lodg(?:es|ed)|tabl(?:es|ed)|sweeten(?:s|ed)|rais(?:es|ed)|drops?|dropped|abandon(?:s|ed)"
        r"|withdraw(?:s|n)?|withdrew)\s+(?:its\s+|a\s+|an\s+|the\s+)?(?:§+\s+)?(?:rival\s+)?"
        rf"(?!(?:IPO|Share|Stock|Tender|Job|Public|Cash|Price|Pay)\b){_INSIDE_NAME}\s+"
        r"(?:takeover\s+|buyout\s+|acquisition\s+)?"
        r"(?:bid|offer)\b(?!\s+(?:to|for)\s+(?:small|customers|users|businesses|developers|students"
        r"|enterprises|everyone)\b)"
        # "Northwind in Quillstack buyout talks", "enters Quillstack takeover battle": the name
        # before the noun is the target, the subject the buyer
        r"|\b(?:in|enter(?:s|ed)?|join(?:s|ed)?|holds?|held|open(?:s|ed)?|begins?|began|start(?:s|ed)?"
        r"|resum(?:es|ed)|confirm(?:s|ed)?|den(?:y|ies|ied))\s+(?:the\s+)?"
        rf"(?!(?:IPO|Share|Stock|Tender|Job|Public|Cash|Price|Pay)\b){_INSIDE_NAME}\s+"
        r"(?:takeover|buyout|acquisition)\s+(?:talks|battle|negotiations|discussions)\b",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
        adjacent=True,
    ),
    # "Salesforce completes Informatica deal", "ServiceNow closes $2.9B Moveworks deal",
    # "wraps up Y takeover": a purchase closed, its target named inside
    _rule(
        "completes-deal",
        "acquisition",
        r"\b(?:complet(?:es|ed|ing)|clos(?:es|ed|ing)|finali[sz](?:es|ed|ing)|wraps?\s+up|wrapped\s+up"
        rf")\s+(?:its\s+|the\s+)?(?:§+\s+)?{_INSIDE_NAME}\s+"
        r"(?:acquisition|takeover|purchase|buyout|buy|deal)\b(?!\s+(?:with|for|to)\b)",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
        adjacent=True,
    ),
    # "Apple eyes AI search startup Corrie", "Vantor circles chip designer Quillstack": a
    # company described, then named, that a buyer has its eye on (rumoured)
    _rule(
        "eyes-company",
        "acquisition",
        r"\b(?:eye(?:s|ing)|circl(?:es|ing)|court(?:s|ing)|stalk(?:s|ing))\s+(?:rival\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:startup|start-up|company|firm|maker|designer|developer|outfit"
        r"|specialist|provider|rival|unicorn|lab)\s+(?=(?-i:[A-Z]))"
        # "Arm eyes Nocturne 🔍, …": a name alone, the item's last words
        r"|\b(?:eye(?:s|ing)|court(?:s|ing)|(?:said|looks?|seeks?|moves?|aims?)\s+to\s+court)\s+"
        r"(?=(?-i:[A-Z])[\w.&-]+(?:\s+(?-i:[A-Z])[\w.&-]+)?\s*(?:$|[,;|]|[^\w\s.'’$€£%-]))",
        "acquirer",
        "target",
    ),
    # "Sprint still eyeing T-Mobile buy", "Vantor mulls $2bn Quillstack takeover": a purchase
    # weighed, its target named inside (the status cues read it as rumoured)
    _rule(
        "eyes-deal",
        "acquisition",
        r"\b(?:eye(?:s|d|ing)?|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?"
        r"|explor(?:es|ed|ing)|ponder(?:s|ed|ing)?|contemplat(?:es|ed|ing))\s+"
        r"(?:a\s+|an\s+|the\s+)?(?:possible\s+|potential\s+|rival\s+)?(?:§+\s+)?"
        rf"(?!(?:IPO|Share|Stock|Tender|Job|Public|Cash|Price|Pay)\b){_INSIDE_NAME}\s+"
        r"(?:takeover|buyout|acquisition|purchase|buy|bid)\b(?!-|\s+(?:with|for|of|to|by)\b)",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
        adjacent=True,
    ),
    # "Halvard expands into robotics with Pixelroot purchase", "bolsters its cloud with $2bn
    # Quill acquisition": the subject's purchase, its target named inside
    _rule(
        "with-purchase",
        "acquisition",
        r"\bwith\s+(?:its\s+|the\s+|a\s+|an\s+)?(?:§+\s+)?"
        rf"{_INSIDE_NAME}\s+(?:acquisition|purchase|buy|takeover|buyout)\b"
        r"(?!\s+(?:of|by|talks|bid|offer|lawsuit|suit|probe|review|inquiry|investigation|scrutiny"
        r"|fight|battle|plans?|rumou?rs?|hopes)\b)",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
    ),
    # "Pixelroot shareholders approve Halvard takeover", "Quill's board backs $2bn Vexa bid":
    # the target's owners accept a buyer named inside
    _rule(
        "holders-approve",
        "acquisition",
        r"(?:['’]s?\s+|\s)(?:shareholders|stockholders|holders|investors|owners|board|directors)\s+"
        r"(?:overwhelmingly\s+|unanimously\s+|formally\s+)?(?:approv(?:e|es|ed)|back(?:s|ed)?"
        r"|endorse(?:s|d)?|accept(?:s|ed)?|vote\s+(?:for|in\s+favou?r\s+of)|vot(?:es|ed)\s+for)\s+"
        rf"(?:the\s+|a\s+)?(?:§+\s+)?(?:rival\s+)?{_INSIDE_NAME}\s+"
        r"(?:takeover|buyout|acquisition|bid|offer|deal)\b(?!\s+(?:with|for|of)\b)",
        "target",
        None,
        needs_right=False,
        inside="acquirer",
        adjacent=True,
    ),
    # "Parcelo accepts £300m Adobe offer", "Quill's board recommends Vexa bid": the target
    # accepts a buyer named inside
    _rule(
        "accepts-bid",
        "acquisition",
        r"\b(?:accept(?:s|ed)?|recommend(?:s|ed)?|agree(?:s|d)?\s+to|embrac(?:es|ed))\s+(?:the\s+|a\s+"
        rf"|an\s+)?(?:§+\s+)?(?:rival\s+|sweetened\s+|improved\s+)?{_INSIDE_NAME}\s+(?:takeover\s+"
        r"|buyout\s+|cash\s+|all-cash\s+)?(?:bid|offer|takeover|buyout|approach)\b"
        r"(?!\s+(?:with|for|of|to)\b)",
        "target",
        None,
        needs_right=False,
        inside="acquirer",
        adjacent=True,
    ),
    # "Wesfarmers denies interest in Sydney AI startup Harbourwise", "expresses interest in
    # buying Y": a buyer's interest (a denial is status denied)
    _rule(
        "interest-in",
        "acquisition",
        r"\b(?:den(?:y|ies|ied|ying)|express(?:es|ed)|confirm(?:s|ed)?|signal(?:s|led|ed)|register(?:s|ed)"
        r"|show(?:s|ed))\s+(?:any\s+|its\s+)?interest\s+in\s+(?:(?:buying|acquiring|taking\s+over"
        r"|a\s+(?:bid|deal)\s+for|bidding\s+for)\s+)?",
        "acquirer",
        "target",
        adjacent=True,
    ),
    _rule(
        "offer-for",
        "acquisition",
        r"\b(?:offer(?:s|ed|ing)?|bid(?:s|ding)?|propos(?:es|ed))\s+(?:[¦§]+\s+)?(?:(?:a|per)\s+share"
        r"\s+)?(?:(?:in\s+)?(?:cash|stock)\s+)?(?:for|to\s+(?:buy|acquire))\b"
        rf"(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?{_PROPERTY}\b)",
        "acquirer",
        "target",
    ),
    # "Broadcom weighs bid for chip startup Kestral": a bid it may make, for the company after it
    _rule(
        "weighs-bid",
        "acquisition",
        r"\b(?:weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|prepar(?:es|ed|ing)|plot(?:s|ted|ting)?)"
        r"\s+(?:an?\s+|the\s+)?(?:possible\s+|potential\s+|rival\s+)?(?:§+\s+)?(?:takeover\s+|buyout\s+|cash\s+)?"
        r"(?:bid|offer|approach)\s+(?:for|to\s+(?:buy|acquire))\b(?!\s+(?:its|their|the\s+company)\b)",
        "acquirer",
        "target",
    ),
    _rule(
        "gets-offer",
        "acquisition",
        r"\b(?:gets?|receiv(?:es|ed)|weigh(?:s|ing)|consider(?:s|ing)|examin(?:es|ing)|stud(?:ies|ying)"
        r"|rejects?|rejected|accepts?|accepted|backs|opposes|welcomes?|reviews?)\s+(?:[\w.'’-]+\s+){0,3}?"
        r"(?:[¦§]+\s+)?(?:takeover\s+|buyout\s+|merger\s+|acquisition\s+)?(?:offer|bid|proposal"
        r"|approach)s?\b",
        "target",
        None,
        needs_right=False,
        inside="acquirer",
    ),
    _rule(
        "starts-bid",
        "acquisition",
        r"\b(?:start(?:s|ed)?|launch(?:es|ed)?|begin(?:s)?|began|mak(?:es|e)|made|extend(?:s|ed)?"
        r"|rais(?:es|ed)|ups|sweeten(?:s|ed)?|boost(?:s|ed)?|end(?:s|ed)|drop(?:s|ped)?|withdraw(?:s|n)?"
        r"|renew(?:s|ed)?|complet(?:es|ed)|clos(?:es|ed)|abandon(?:s|ed)?|scrap(?:s|ped)?|terminat(?:es|ed)"
        r"|finali[sz](?:es|ed)|announc(?:es|ed)|call(?:s|ed)\s+off|seal(?:s|ed)?|wins?|won"
        r"|approv(?:es|ed)|clear(?:s|ed)|block(?:s|ed)"
        r"|submit(?:s|ted)?|lodg(?:es|ed)|prepar(?:es|ed)|read(?:y|ies|ied))\s+"
        r"(?:[\w.:&'’-]+\s+){0,3}?(?:[¦§]+\s+)?"
        r"(?:[\w.:&'’-]+\s+){0,2}?(?:takeover\s+|cash\s+)?(?:bid|tender(?:\s+offer)?"
        rf"|{_TRADE_OFFER}offer|buyout"
        r"|acquisition|takeover|purchase)\b(?!\s+(?:of|by|with|talks|agreement|case|trial"
        r"|charges?|fraud|scandal)\b)"
        # "makes bid for the Harbor Point parcel": land, no company
        r"(?!\s+(?:for|to\s+buy|to\s+acquire)\s+(?:the\s+|a\s+|an\s+|its\s+)?"
        rf"(?:[\w-]+\s+){{0,3}}?{_PROPERTY}\b)",
        "acquirer",
        None,
        needs_right=False,
        inside="target",
    ),
    # "Sundra weighs sale to private equity", "Corvane hires bankers to explore a sale", "puts
    # itself up for sale": the company itself for sale, a rumoured acquisition of it
    _rule(
        "explores-sale",
        "acquisition",
        # not advice: "Why X should consider a sale"
        r"\b(?<!should\s)(?<!must\s)(?<!ought\sto\s)(?<!needs\sto\s)"
        r"(?:(?:explor(?:e|es|ed|ing)|weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?"
        r"|stud(?:ies|ied|ying|y)|eyes|seek(?:s|ing)?|hir(?:es|ed|ing)\s+(?:bankers|advis[eo]rs)\s+"
        r"(?:to\s+)?(?:explore|for|on|over))\s+(?:a\s+|an\s+|the\s+|its\s+|possible\s+|potential"
        r"\s+|strategic\s+|outright\s+)*sale\b(?!\s+of\b)(?!\s+(?:price|event|season)\b)"
        r"|\bputs?\s+itself\s+up\s+for\s+sale\b"
        # "Trade newspaper Variety up for sale", "Variety is put up for sale"
        r"|(?<=\w\s)(?:(?:is|was|has\s+been|been)\s+)?(?:(?:being\s+)?put\s+)?up\s+for\s+sale\b)",
        "target",
        None,
        needs_right=False,
    ),
    _rule(
        "sale-of",
        "acquisition",
        r"\b(?:sale|disposal|divestiture|spin-?off)\s+of\b|\b(?:unit|division|subsidiary|asset|stake"
        r"|business)\s+sale\b",
        "seller",
        "target",
        strong=False,
        needs_right=False,
    ),
    # "Meta Buys Into Scale": a stake, not the company
    _rule("buys-into", "investment", r"\b(?:buys?|bought|buying)\s+into\b", "investor", "target"),
    # "Nvidia pays $900 million for Enfabrica's team and technology": a licence-and-hire;
    # "Salesforce pays $8 billion for Informatica": an acquisition
    # "Google is paying Reddit $60 million a year for its data", "pays $20 million for Orsk's
    # archive": content paid for is licensed, the payer the licensee
    _rule(
        "pays-for-content",
        "licensing",
        r"\bpa(?:y|ys|id|ying)\s+(?=(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,2}\s+"
        rf"{_ABOUT}{M}\s+(?:an?\s+year\s+|per\s+year\s+|annually\s+)?(?:to\s+license\s+|for\s+"
        r"(?:access\s+to\s+)?)(?:its|their|the)\s+(?:[\w-]+\s+)?(?:data|content|archives?|posts"
        r"|articles|news|journalism|library|catalog(?:ue)?|videos|images|photos|books)\b)"
        rf"|\bpa(?:y|ys|id|ying)\s+{_ABOUT}{M}\s+(?:an?\s+year\s+|per\s+year\s+)?for\s+"
        r"(?=(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,2}['’]s?\s+(?:[\w-]+\s+)?(?:data"
        r"|content|archives?|posts|articles|news|journalism|library|catalog(?:ue)?|videos|images"
        r"|photos|books)\b)"
        # "Amazon Pays The New York Times for Data": no amount, the content named
        r"|\bpa(?:y|ys|id|ying)\s+(?=(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,3}\s+for\s+"
        r"(?:access\s+to\s+)?(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?(?:data|content|archives?"
        r"|articles|news|journalism|catalog(?:ue)?|videos|photos|books)\b)",
        "licensee",
        "licensor",
    ),
    _rule(
        "pays-for-tech",
        "licensing",
        rf"\bpa(?:y|ys|id|ying)\s+{_ABOUT}{M}\s+(?:to\s+license\s+|for\s+)"
        r"(?=(?:[\w.&'’-]+\s+){1,3}?(?:tech|technology|talent|team|licen[cs]es?|IP|patents"
        r"|engineers|staff)\b)",
        "licensee",
        "licensor",
    ),
    _rule(
        "pays-for",
        "acquisition",
        # "Google to pay $32 billion for Wiz", "shells out $3B for X"
        rf"\b(?:pa(?:y|ys|id|ying)|shell(?:s|ed|ing)?\s+out|fork(?:s|ed|ing)?(?:\s+(?:over|out))?"
        rf"|cough(?:s|ed|ing)?\s+up|splash(?:es|ed|ing)?(?:\s+out)?)\s+{_ABOUT}{M}\s+"
        r"(?:for|to\s+(?:buy|acquire))\s+"
        r"(?!(?:[\w.&'’-]+\s+){0,3}?(?:tech|technology|talent|team|licen[cs]es?|IP|patents"
        r"|engineers|staff|content|data|access|rights|stakes?|shares|ads|chips|GPUs|compute"
        r"|capacity|power|energy|land|property|buildings?|offices?|campus|settlement|fines?"
        r"|domains?|websites?|URLs?|handles?|trademarks?|brand\s+name)\b)",
        "acquirer",
        "target",
    ),
    _rule(
        "acquires",
        "acquisition",
        # not goods bought from their maker ("to buy $4 billion of Samsung memory chips")
        rf"\b{_BUY}\b(?!\s+into\b){_NOT_BUYBACK}"
        rf"(?!\s+(?:{_ABOUT})?§+\s+(?:worth\s+)?of\s+(?:[\w.&'’-]+\s+){{0,3}}?{_COMMERCIAL}\b)",
        "acquirer",
        "target",
    ),
    # "Helix & Vine Acquires Two Regional Agencies", "to Acquire Three Specialty Pharmacies":
    # companies counted, not named; the buyer is the party
    _rule(
        "acquires-several",
        "acquisition",
        rf"\b{_BUY}\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}}|several|multiple)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:companies|firms|startups|start-ups|businesses|agencies|pharmacies"
        r"|clinics|practices|brands|studios|labs|providers|developers|makers|operators|banks|insurers"
        r"|hospitals|distributors|dealerships|consultanc(?:y|ies)|rivals|competitors)\b",
        "acquirer",
        "target",
        needs_right=False,
    ),
    _rule(
        "tender",
        "acquisition",
        r"\b(?:tender(?:\s+offer)?|buyout|takeover|bid|offer|approach|proposal)\s+(?:for|to\s+buy"
        r"|to\s+acquire)\b"
        # a plan for a place or a property is no company bought ("Proposal for the Elmhurst
        # Campus", "bid for the site")
        rf"(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?{_PROPERTY}\b)",
        "acquirer",
        "target",
    ),
    _rule(
        "take-private",
        "acquisition",
        r"\b(?:tak(?:e|es|ing)|took)\s+(?=(?:[\w.&'’-]+\s+){1,6}?[Pp]rivate\b)",
        "acquirer",
        "target",
    ),
    _rule(
        "takeover-by",
        "acquisition",
        r"\b(?:takeover|acquisition|buyout|purchase)\s+by\b",
        "target",
        "acquirer",
    ),
    _rule(
        "goes-to",
        "acquisition",
        r"\b(?:goes|went|going)\s+to\b(?=[^.;:]{1,60}?(?:§|\b(?:deal|acquisition|takeover|buyout"
        r"|purchase)\b)"
        # "Agent-testing startup Pinion goes to Datadog": a company that ends the headline
        r"|\s+(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){0,2}\s*$)",
        "target",
        "acquirer",
    ),
    _rule("folds-into", "acquisition", r"\bfold(?:s|ed|ing)?\s+into\b", "target", "acquirer"),
    _rule(
        "part-of",
        "acquisition",
        r"\b(?:is\s+now|now|becomes?|became|to\s+become|will\s+become)\s+(?:a\s+)?part\s+of\b"
        # "their product will become part of our code review features": a product folded
        # into another's, no company bought
        r"(?!\s+(?:\S+['’]s?\s+|our\s+|its\s+|their\s+|the\s+)(?:[\w-]+\s+){0,3}?"
        r"(?:features?|products?|platform|offering|suite|apps?|tools?|stack|lineup|roadmap"
        r"|experience|service)\b)",
        "target",
        "acquirer",
    ),
    _rule(
        "acquisition-of",
        "acquisition",
        rf"(?:{M}\s+|\b)(?:acquisition|purchase|takeover|buyout|buy)\s+of\b"
        rf"(?!\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?{_PROPERTY}\b)",
        "acquirer",
        "target",
        strong=False,
    ),
    _rule(
        "acquisition-noun",
        "acquisition",
        r"\b(?:(?:makes?|made|announc(?:es|ed)|seek(?:s|ing)?|plans?"
        r"|approves?|approved|agreed|extends?|ends?|sets?|drops?|studies|in)\s+(?:an?\s+|the\s+|its\s+"
        r"|proposed\s+|planned\s+|cash\s+)*(?:acquisition|takeover|buyout|tender\s+offer|purchase)"
        r"|(?:takeover|buyout|acquisition|tender)\s+(?:bid|offer|proposal|talks|approach|deal|battle)"
        r"|\bLBO)\b",
        "acquirer",
        "target",
        strong=False,
        needs_right=False,
    ),
    # ---------------------------------------------------------------- merger
    _rule(
        "merges",
        "merger",
        r"\b(?:merg(?:e|es|ed|ing)\s+(?:with|into)|(?:to|will|agree\w*\s+to|plan\w*\s+to)\s+merge"
        r"|merger\s+(?:with|of|between)|combin(?:e|es|ing)\s+with|all-stock\s+merger|merg(?:es|ed)"
        # a newsletter's "Northwind Labs Ties the Knot With Ostro"
        r"|(?:ties|tied|tying)\s+the\s+knot\s+with)\b"
        # not its own parts put together ("Zentrik Merges Its Analytics and Observability
        # Products Into a Single Platform")
        r"(?!\s+(?:its|their|the\s+company's)\s+(?:[\w&'’-]+\s+){0,5}?(?:products?|apps?|teams?|units?"
        r"|divisions?|features?|platforms?|services?|tools?|businesses|groups?|labs?|brands?|offerings?"
        r"|subsidiaries|models?)\b)",
        "partner",
        "partner",
        needs_right=False,
    ),
    _rule(
        "merge-plural",
        "merger",
        r"\b(?:merge|combine|(?:are|were)\s+(?:merging|combining)"
        r"|(?:discuss|explor|weigh|consider|mull)\w*\s+(?:an?\s+)?(?:possible\s+)?"
        r"(?:tie-up|merger|combination)|in\s+(?:advanced\s+|early\s+)?merger\s+talks)\b",
        "partner",
        "partner",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    # a merger agreed, sealed or dropped, told by its verb: "Figma and Driftline have called
    # off their planned merger after the UK regulator signalled concerns", "Helix and Norland
    # seal $4.6 billion all-stock merger" (a regulator in the background is no story of its own)
    _rule(
        "merger-stage",
        "merger",
        r"\b(?:call(?:s|ed)?\s+off|scrap(?:s|ped)?|abandon(?:s|ed)?|terminat(?:es|ed)|end(?:s|ed)"
        r"|drop(?:s|ped)?|seal(?:s|ed)?|complet(?:es|ed)|clos(?:es|ed)|finali[sz](?:es|ed)"
        r"|agree(?:s|d)?\s+(?:on|to)|sign(?:s|ed)?)\s+(?:(?:a|an|the|their|its)\s+)?"
        r"(?:[\w§-]+\s+){0,3}?merger\b(?!\s+(?:of|with|agreement\s+with)\b)",
        "partner",
        "partner",
        needs_right=False,
        plural=True,
    ),
    _rule(
        "merger-noun",
        "merger",
        r"\bmerger\b(?!\s+(?:and|&)\s+acquisition)"
        r"(?!\s+(?:review|control|rules|guidelines|filings?|arbitrage|wave|boom|activity)\b)",
        "partner",
        None,
        strong=False,
        needs_right=False,
    ),
    # ---------------------------------------------------------------- partnership
    _rule(
        "partners-with",
        "partnership",
        # not their people ("Atlassian and Canva founders team up to fight a tax")
        rf"{_PEOPLE_OF}"
        r"\b(?:partner(?:s|ed|ing)?\s+(?:up\s+)?(?:(?:once\s+)?again\s+|anew\s+)?with"
        r"|teams?\s+up|teamed\s+up|teams?\s+with"
        r"|(?:is|are|has\s+been|have\s+been|to\s+be)\s+working\s+(?:closely\s+)?with"
        r"|join(?:s|ed|ing)?\s+forces\s+with|(?:strategic\s+)?(?:partnership|alliance|collaboration"
        r"|tie-up)\s+(?:with|between)|collaborat(?:es|ed|e)\s+with|ally\s+with"
        r"|(?:tighten|strengthen|deepen|expand|cement|forge|formali[sz]e|extend|renew|broaden"
        r"|loosen|rework|renegotiate?)(?:s|d|ed)?"
        r"\s+(?:its\s+|their\s+)?(?:(?:long-?standing|strategic|existing|decade-long|close)\s+)?"
        r"(?:(?:ties|relationship|links|bond)\s+(?:with|to)|(?:deal|partnership|contract|terms)\s+with)"
        r"|goes\s+steady\s+with"
        r"|coz(?:ies|y)\s+up\s+(?:to|with)|ties?\s+up\s+with|tied\s+up\s+with"
        r"|join(?:s|ed)?\s+hands\s+with)\b",
        "partner",
        "partner",
        needs_right=False,
    ),
    _rule(
        "partner-plural",
        "partnership",
        rf"{_PEOPLE_OF}"
        r"\b(?:partner(?:ed)?|collaborat(?:e|ed)|ally|allied|work(?:ed)?\s+together"
        r"|join(?:ed)?\s+forces|tie\s+up|tied\s+up|join(?:ed)?\s+hands"
        # "Orrin Labs and SoftBank are partnering to bring …"
        r"|(?:are|have\s+been|will\s+be)\s+(?:partnering|collaborating|working\s+together"
        r"|joining\s+forces|teaming\s+up))\s+(?:on|to|in|for|around|over)\b"
        # "OpenAI and Microsoft Renegotiate": the pair's deal reworked
        r"|\brenegotiate[sd]?(?=\s*(?:$|[,;:|?!]|\s+(?:their|the|a)\s+(?:deal|partnership"
        r"|contract|terms|pact|agreement)\b))"
        # "Sony and Kuronami in AI tie-up for game characters": the pair in a pact, told by noun
        r"|\bin\s+(?:an?\s+)?(?:new\s+|strategic\s+|multi-?year\s+|§+\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:tie-up|alliance|pact|partnership|collaboration)\b(?!\s+(?:talks|discussions)\b)",
        "partner",
        "partner",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _rule(
        "partners-on-with",
        "partnership",
        r"\bpartner(?:s|ed)\s+(?:on|to|for|in)\s+[^,;:]{1,60}?\bwith\b",
        "partner",
        "partner",
        adjacent=True,
    ),
    _rule(
        "taps",
        "partnership",
        r"\b(?:taps?|tapped|tapping|picks?|picked|chooses|chose|selects?|selected|enlists?"
        r"|enlisted|turns?\s+to|turned\s+to)\s+(?P<obj>(?:[\w.&'’:-]+\s+){1,4}?)"
        rf"(?:for\s+(?:[\w§.,-]+\s+){{0,5}}?{_COMMERCIAL}"
        # "Apple taps Google for Siri": for a named product (not a post: "taps X for CEO")
        r"|(?<!veteran\s)(?<!exec\s)(?<!executive\s)(?<!researcher\s)(?<!engineer\s)"
        r"(?<!scientist\s)(?<!founder\s)(?<!leader\s)(?<!boss\s)(?<!alum\s)(?<!alumnus\s)"
        r"(?<!talent\s)(?<!executives\s)(?<!researchers\s)(?<!engineers\s)(?<!staff\s)"
        r"for\s+(?:its\s+|the\s+)?(?-i:(?!(?:CEO|CFO|CTO|COO|CMO|CIO|CISO|CRO|CPO|Chief|President"
        r"|Chair|Chairman|Chairwoman|Head|Board|Top|Role|Job|Post|Seat|Lead|Deputy|Vice|Executive"
        r"|Director|Manager|Senior|Interim|Acting|General)\b)[A-Z][\w.-]+)"
        r"|to\s+(?:supply|provide|power|host|manufacture|produce|deliver)"
        rf"|to\s+(?:make|build|design|develop|run|train|serve|fab)\s+(?:[\w§-]+\s+){{0,3}}?{_COMMERCIAL}"
        r"|as\s+(?:its\s+|an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:provider|partner|supplier|vendor"
        r"|foundry|host|platform)"
        # "Anthropic taps Google TPUs": what is supplied, right after the supplier
        r"|(?-i:chips?|silicon|processors?|accelerators?|GPUs?|TPUs?|servers?|data[\s-]?cent(?:er|re)s?"
        r"|capacity|compute|supercomputers?|clusters?|wafers?|HBM|memory))\b",
        "partner",
        "partner",
        needs_right=False,
        paired=True,
        adjacent=True,
    ),
    # "xAI selected by the US Department of War to deliver frontier AI", "Anthropic chosen by
    # the UK Ministry of Defence": a government body's contract
    _rule(
        "selected-by",
        "partnership",
        r"\b(?:selected|chosen|picked|tapped)\s+by\s+(?=(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}?"
        r"(?-i:Department|Ministry|Agency|Army|Navy|Air\s+Force|Space\s+Force|Government"
        r"|Administration|Commission|Pentagon|NHS|DoD|DOD|DOE|GSA|NASA|DARPA)\b)",
        "partner",
        "partner",
    ),
    # "TSMC to supply Groq with 3nm chips", "Samsung will supply OpenAI with memory"
    _rule(
        "supplies-with",
        "partnership",
        r"\b(?:to\s+supply|will\s+supply|supplies|supplied|to\s+provide|will\s+provide)\s+"
        r"(?=(?:[A-Z][\w.&'’-]*\s+){1,3}?with\s)",
        "partner",
        "partner",
    ),
    # "Framework agreement with the French Ministry of Armed Forces" (a newsroom's headline,
    # read with the publisher as subject), "a multi-year supply agreement with Oracle"
    _rule(
        "agreement-with",
        "partnership",
        r"\b(?:framework|strategic|multi-?year|commercial|supply|cooperation|collaboration"
        r"|partnership|distribution|reseller|cloud|compute|procurement|enterprise"
        # a newsroom's "a new deal with Nebius", "our expanded agreement with the GSA" (not
        # "Microsoft's new deal with OpenAI", a deal an analysis looks back on)
        r"|(?:(?<=\ba\s)|(?<=\bour\s))(?-i:new|expanded|extended|long-term|landmark|definitive"
        r"|exclusive))\s+"
        r"(?:agreement|contract|deal|pact)\s+with\b",
        "partner",
        "partner",
        strong=False,
    ),
    _rule(
        "signs-deal",
        "partnership",
        rf"\b(?:sign(?:s|ed)?|strik(?:es|e)|struck|ink(?:s|ed)?|seal(?:s|ed)?|reach(?:es|ed)?"
        # "TCS bags $1 billion deal from Aviva", "Wipro bags contract from Lufthansa" (not a
        # shopper who bags a deal)
        rf"|(?:bag(?:s|ged)?|secur(?:es|ed)|nab(?:s|bed)?|snag(?:s|ged)?)(?=\s+(?:§|(?:multi-?year"
        rf"|mega|large|big|strategic|major)\b|(?:deal|contract|order|pact)s?\s+(?:from|with)\b))"
        rf"|clinch(?:es|ed)?|agree(?:s|d)?\s+(?:on|to)|expand(?:s|ed)?|extend(?:s|ed)?|renew(?:s|ed)?"
        rf"|enter(?:s|ed)?(?:\s+into)?"
        rf"|deepen(?:s|ed)?|form(?:s|ed)?|announc(?:e|es|ed)|unveil(?:s|ed)?|land(?:s|ed)?|wins?|won"
        # "Orrin Labs awarded $50M contract by NASA"
        rf"|(?:is\s+|was\s+|gets\s+|been\s+)?awarded(?=\s+(?:an?\s+)?(?:§+\s+|[\w-]+\s+){{0,3}}?contract)"
        rf"|forg(?:e|es|ed)|cuts?(?=\s+(?:an?\s+)?(?:§+\s+)?(?:[\w-]+\s+)?(?:deal|pact|agreement)\b)"
        # "Deloitte and Anthropic are expanding their alliance"
        rf"|(?:are|is|were|was|have\s+been|has\s+been)\s+(?:expanding|extending|deepening|renewing"
        rf"|signing|forming|striking|inking|sealing|entering(?:\s+into)?))\s+"
        rf"{_MONEYISH}(?:(?!licen|[\w]+-licen|content\b|data\s+(?:deal|agreement|pact|licen)|merger|acquisition|(?<!power\s)purchase|buyout|takeover|sale\b"
        rf"|{_POLITICAL})"
        rf"[\w-]+\s+){{0,4}}?(?:deal|agreement|contract|pact|partnership|alliance|mega-?deal"
        r"|tie-up|order|MOU|MoU|memorandum(?:\s+of\s+understanding)?|collaboration|letters?\s+of\s+intent"
        r"|LOI)s?\b"
        # "expands collaboration features in its workspace", "order management": a product's
        # part named by the noun
        r"(?!\s+(?:features?|tools?|tooling|software|suites?|capabilit(?:y|ies)|apps?|workspaces?"
        r"|experiences?|spaces?|products?|management|book|flow|history|tracking)\b)"
        # "agreement to sell X" is a sale; "form alliance to sell enterprise agents" is selling
        # together
        r"(?:(?<=alliance)|(?<=alliances)|(?<=partnership)|(?<=partnerships)|(?<=tie-up)"
        r"|(?!\s+(?:in\s+principle\s+)?to\s+(?:buy|acquire|sell|merge|purchase|be|licen[cs]e)))",
        "partner",
        "partner",
        needs_right=False,
    ),
    _rule(
        "deal-noun",
        "partnership",
        rf"(?:{M}|\b(?:compute|computing|cloud|chip|GPU|supply|power|nuclear|energy|infrastructure"
        r"|AI|multi-?year|strategic|commercial|distribution|hosting|server|capacity))[\s-]+(?:deal"
        r"|agreement|contract|pact|partnership)s?\s+(?:with|between)\b",
        "partner",
        "partner",
        strong=False,
        needs_right=False,
    ),
    # "OpenAI commits to buy $300 billion of computing power from Oracle", "Anthropic to spend
    # tens of billions on Google TPUs", "Canva commits A$1.2b to Microsoft Azure capacity"
    _rule(
        "buys-capacity",
        "partnership",
        r"\b(?:(?:commit(?:s|ted)?|agree(?:s|d)?|plans?)\s+to\s+)?(?:buy(?:s|ing)?|bought|purchas(?:e|es|ed)"
        r"|spend(?:s|ing)?|spent|commit(?:s|ted)?)\s+(?:(?:§+|¦+|tens|hundreds|billions|of|worth|up\s+to"
        r"|about|more\s+than|over)\s+)+(?:(?:of|on|in|for)\s+(?:[\w.&'’-]+\s+){0,3}?"
        rf"(?:{_COMMERCIAL}|{_GOODS})(?:\s+[\w-]+){{0,2}}?\s+(?:from|with|through|via)"
        # "commits to buy $1.2 billion of Nvidia chips": the maker's goods, bought from it
        rf"|(?:on|to|with|of)(?=\s+(?:[A-Z][\w.&'’-]*\s+){{1,3}}?(?:[\w-]+\s+)?"
        rf"(?:{_COMMERCIAL}|{_GOODS})\b)"
        # "Nvidia agrees to buy $2 billion of optical parts": goods, not a company
        rf"|of(?=\s+(?:[a-z][\w-]*\s+){{0,2}}?{_GOODS}\b))\b",
        "partner",
        "partner",
        needs_right=False,
    ),
    # "OpenAI signed a $12 billion agreement to rent GPU capacity from CoreWeave", "Meta to
    # lease $10bn of compute from Nebius": capacity rented from a provider
    _rule(
        "rents-capacity",
        "partnership",
        # under an agreement, or for an amount: not a customer renting a few GPUs
        r"(?:\b(?:agreement|deal|contract|pact)\s+to\s+(?:rent|lease|access|reserve)\s+"
        r"(?:(?:§+|tens|hundreds|billions|of|worth|up\s+to|about|more\s+than|over)\s+)*"
        r"|\b(?:rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)|access(?:es|ed)?|reserv(?:e|es|ed))\s+"
        r"(?:(?:up\s+to|about|more\s+than|over)\s+)?§+\s+(?:(?:worth|of)\s+)?)"
        r"(?:[\w.&'’-]+\s+){0,3}?"
        rf"{_COMMERCIAL}(?:\s+[\w-]+){{0,2}}?\s+(?:from|with|through|via)\b",
        "partner",
        "partner",
        needs_right=False,
    ),
    # "SoftBank to supply Arm-based servers to Stargate"
    _rule(
        "supplies-to",
        "partnership",
        r"\b(?:to\s+)?suppl(?:y|ies|ied|ying)\s+(?!chain)(?:[\w§.&'’-]+\s+){1,5}?(?:to|for)\b(?=\s+[A-Z])",
        "partner",
        "partner",
        adjacent=True,
    ),
    # "X and Y launch a training initiative", "X and Y to advance ..."
    _rule(
        "joint-action",
        "partnership",
        r"\b(?:launch(?:es|ed)?|announc(?:e|ed)|unveil(?:s|ed)?|sign(?:s|ed)?|start(?:s|ed)?|open(?:s|ed)?"
        r"|creat(?:e|ed)|build|expand(?:ed)?|deepen(?:ed)?|establish(?:ed)?)\s+(?:[\w'’§-]+\s+){0,8}?"
        r"(?:initiative|pilot|programme|program|alliance|consortium|coalition|collaboration"
        r"|partnership|lab|laborator(?:y|ies)|institute|academy|fellowship|cent(?:er|re)|hub|project"
        r"|effort|factory|campus|work)s?\b"
        r"|\bto\s+(?:jointly\s+)?(?:advance|develop|co-develop|build|bring|deliver|accelerate|explore"
        r"|expand|deploy|train|create|offer|work|collaborate|research|support|provide|democrati[sz]e"
        r"|transform|scale|power|help|boost|strengthen|tackle)\b"
        # "Cohere and Second Front bring secure AI to ...": working together, said plainly
        r"|\b(?:bring|deliver|power|deploy|co-develop|pilot)\b(?!\s+(?:rival|competing)\b)"
        # "Toyota and NTT to invest ¥500 billion in AI platform": money put into a joint project
        r"|\b(?:jointly\s+)?(?:invest|commit|spend|pour)(?:s|ed|ing)?\s+(?:up\s+to\s+|about\s+|over\s+"
        r"|nearly\s+|more\s+than\s+)?§+\s+(?:to\s+(?:build|develop|create)\s+|in(?:to)?\s+)"
        r"(?:an?\s+|the\s+|new\s+|joint\s+)*(?:[\w'’-]+\s+){0,4}?(?:platform|project|data[\s-]?cent(?:er|re)"
        r"|datacent(?:er|re)|campus|facilit(?:y|ies)|plant|factor(?:y|ies)|infrastructure|hub|initiative"
        r"|programme|program|lab|cent(?:er|re)|cluster|network|supercomputer)s?\b",
        "partner",
        "partner",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    # "Anthropic to expand use of Google Cloud TPUs and services"
    _rule(
        "expands-use",
        "partnership",
        r"\b(?:expand(?:s|ed|ing)?|extend(?:s|ed|ing)?|deepen(?:s|ed|ing)?|increas(?:e|es|ed|ing))\s+"
        r"(?:its\s+|their\s+)?use\s+of\b(?=\s+(?:[A-Z][\w.&'’-]*\s+){1,3}?(?:[\w-]+\s+)?"
        rf"{_COMMERCIAL}\b)",
        "partner",
        "partner",
    ),
    _rule(
        "in-deal",
        "partnership",
        rf"\bin\s+(?:a\s+|an\s+)?{_MONEYISH}(?:[\w-]+\s+){{0,3}}?deal\b",
        "partner",
        "partner",
        strong=False,
        needs_right=False,
    ),
)
# The English rules, then those of the other languages (``_patterns_intl``): at one position
# an English rule wins.
RULES: tuple[Rule, ...] = _ENGLISH + INTL_RULES

# Phrases that make a sentence a non-deal story wherever they are.
# Events that look like deals and are none, for the rules and the deal-type model alike, each
# with the substrings (lower case) one of which every match holds: a text that holds none is
# not scanned (most hold none; one pattern of them all cost a third of ``HARD_NON_DEAL``).
_NO_DEAL_EVENTS: tuple[tuple[tuple[str, ...], str], ...] = (
    # a partner programme, an accelerator's batch: membership, no deal ("joins the Arm AI
    # Partner Program", "is now part of Y Combinator's W27 batch")
    (
        ("program", "network", "ecosystem", "hub", "batch", "cohort", "accelerator", "incubator"),
        r"\b(?:joins?|joined|joining|part\s+of|member\s+of|admitted\s+to|accepted\s+in(?:to)?"
        r"|selected\s+for|into)\s+(?:the\s+|its\s+|our\s+)?(?:[\w&.'’-]+\s+){0,4}?(?:(?:partner"
        r"|partners|startup|developer|isv|reseller)\s+(?:program(?:me)?|network|ecosystem|hub)s?"
        r"|batch|cohort|accelerator|incubator)\b",
    ),
    # a partner programme's tier or badge: "achieves Premier Partner status with Google Cloud",
    # "earns AWS Advanced Tier Partner designation"
    (
        ("status", "designation", "tier", "badge", "competenc", "specializ", "specialis"),
        r"\bpartner\s+(?:status|designation|tier|level|badge|competenc(?:y|ies)"
        r"|speciali[sz]ations?)\b",
    ),
    # a holding disclosed, no purchase told: "BlackRock discloses 5% stake in X, filing shows",
    # "Vanguard reports 7.2% stake in X in 13G filing" (a stake bought stays an investment)
    (
        ("disclos", "report", "reveal"),
        r"^(?![^.;]*\b(?:buys?|bought|acquir\w+|takes?|took|purchas\w+|invest\w*)\b)[^.;]*\b(?:"
        r"discloses?|disclosed|reports?|reported|reveals?|revealed)\s+(?:an?\s+)?(?:passive\s+)?"
        r"\d+(?:\.\d+)?\s?(?:%|pct|per\s?cent)\s+(?:passive\s+)?(?:stake|holding|shareholding"
        r"|position|ownership)\b",
    ),
    # a tally of many rounds: "Indian startups raised $310 Mn this week"
    (
        ("startups", "companies", "firms"),
        r"(?:^|:\s)(?:[\w-]+\s+){0,3}?(?:startups|companies|firms)\s+(?:(?:have|had)\s+)?(?:raised"
        r"|raise|bagged|secured|pulled\s+in)\s+[^.;]{0,25}?\b(?:this|last|the\s+past)\s+(?:week"
        r"|month|quarter|year)\b",
    ),
    # a partnership that ends is no new deal
    (
        ("partnership", "alliance", "collaboration"),
        r"\b(?:end(?:s|ed|ing)?|terminat(?:es|ed|ing)|scrap(?:s|ped)?|dissolv(?:es|ed)|quit(?:s)?"
        r"|wind(?:s|ing)?\s+down)\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:partnership"
        r"|alliance|collaboration)\b(?!\s+to\s+(?:sell|buy|acquire|merge))",
    ),
    # a regulator acting on a deal, unless it clears it ("CMA pokes Halyard's $2 billion Verra
    # investment", "FTC takes a look at …"; not "CMA clears Microsoft's Activision takeover")
    (
        ("",),
        r"^(?:the\s+)?(?:(?:us|uk|eu|india's|china's)\s+)?(?:"
        + "|".join(sorted(REGULATORS, key=len, reverse=True))
        # (after a time or an auxiliary: "The Justice Department on Monday approved …")
        + r")\s+(?>(?:(?:on\s+\w+day|today|yesterday|has|have|formally|officially|finally)\s+)?)"
        r"(?!(?:clears?|cleared|clearing|approves?|approved|approving|backs|greenlights?"
        r"|okays?|oks|signs?\s+off|waves?\s+through|allows?|allowed|blesses|nods|gives|grants"
        r"|filings?|forms?|documents?|records?|data|disclosures?)\b)\w+",
    ),
    # shares changing hands without new money for the company: a secondary sale, a tender
    # offer to staff ("Revolut hits $75bn valuation in secondary share sale", "tender offer lets
    # employees sell $1B in shares", "valuation climbs to $107 billion in tender offer"), unless
    # the sentence tells a round too
    (
        ("secondary", "tender", "employee", "staff", "insider"),
        r"^(?![^.;]*\b(?:rais(?:es|ed|ing)|series\s+[a-k]|seed|funding\s+round|new\s+funding)\b)"
        r"[^.;]*?(?:\bsecondary\s+(?:share\s+|stock\s+)?(?:sales?|transactions?|markets?|deals?)\b"
        r"|\b(?:employee|staff|insider|worker)s?['’]?\s+(?:share|stock|equity)\s+(?:sales?|tenders?"
        r"|buybacks?)\b|\btender(?:\s+offer)?\b[^.;]{0,60}?\b(?:employees?|staff|workers|insiders)\b"
        r"|\b(?:employees?|staff|workers|insiders)\b[^.;]{0,60}?\btender\b"
        r"|\bvaluation\b[^.;]{0,50}?\bin\s+(?:an?\s+|its\s+|the\s+)?(?:latest\s+)?tender(?:\s+offer)?\b"
        r"|\b(?:employees|staff)\s+(?:cash\s+out|sell|sold)\b)",
    ),
    # what a stake held is worth now is no new stake ("Nvidia's $5 billion Intel stake now
    # worth $7.6 billion")
    (("stake",), r"\bstakes?\s+(?:(?:is|are|was)\s+)?now\s+(?:worth|valued)\b"),
    # the end of a partnership as a topic ("The end of the Halvard–Quillstack partnership?")
    (
        ("end of",),
        r"\bend\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w.&'’–-]+\s+){0,3}?"
        r"(?:partnership|alliance|collaboration|relationship)\b",
    ),
    # an essay's title: "Thinking about the X–Y partnership", "Some notes on …"
    (
        ("thinking", "thoughts", "notes", "reflections", "lessons", "hot take"),
        r"^(?:thinking\s+about|thoughts\s+on|(?:some\s+)?notes\s+on|reflections\s+on"
        r"|lessons\s+from|hot\s+takes?:)",
    ),
    # a look back: "The day Microsoft bought GitHub", "Remembering the AOL–Time Warner merger",
    # "A brief history of Nvidia's acquisition of Mellanox"
    (
        ("day", "remember", "history", "looking back", "revisit"),
        r"^(?:the\s+day\b|remembering\b|looking\s+back\b|revisiting\b)"
        r"|^(?:an?\s+)?(?:brief\s+|short\s+|secret\s+|oral\s+)?history\s+of\b",
    ),
    # advice and wishes: "Apple should buy Netflix", "If Google bought Snap"
    (
        ("should", "if ", "ought"),
        r"\b(?:should|ought\s+to)\s+(?:(?:just|really|probably|seriously|now|finally)\s+)?"
        r"(?:buy|acquire|merge|invest|partner|take\s+over)\b"
        r"|^(?:what\s+)?if\s+(?:[\w.&'’-]+\s+){1,4}?(?:bought|acquired|merged|bought|invested)\b",
    ),
    # a forum's own posts: "Show HN: …", "Ask HN: …", "Launch HN: …"
    (("hn:",), r"^(?:show|ask|tell|launch)\s+hn:"),
    # a personal essay: "I sold my startup to Stripe. Here's what I learned"
    (("learned", "learnt"), r"\bwhat\s+(?:i|we)\s+(?:have\s+)?(?:learned|learnt)\b"),
    # idioms: "takes a stake in the AI race", "buys time"
    (
        ("stake",),
        r"\bstake\s+in\s+the\s+(?:[\w-]+\s+){0,2}?(?:race|future|game|fight|battle|war|outcome"
        r"|debate|conversation|revolution|boom)\b",
    ),
    (("time",), r"\b(?:buy|buys|bought|buying)\s+(?:(?:some|more|itself|extra)\s+)?time\b"),
    # "buys into Quillstack's plan": agrees with an idea
    (
        ("into",),
        r"\b(?:buy|buys|bought|buying)\s+into\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?"
        r"(?:[\w.&'’-]+\s+){0,3}?(?:idea|ideas|plan|plans|vision|story|narrative|hype|concept"
        r"|notion|argument|promise|strategy|thesis|dream|myth)\b",
    ),
    # code merged, not companies: "got their patch series merged upstream", "the pull request
    # was merged into the mainline kernel", "merged her branch"
    (
        ("merg",),
        r"\b(?:patch(?:es|set|sets)?|series|pull\s+requests?|PRs?|commits?|branch(?:es)?"
        r"|fix(?:es)?|rewrite|refactor\w*)\s+(?:(?:was|were|got|gets|been|is|are|has|have|being)"
        r"\s+)?merged\b"
        r"|\bmerged\s+(?:upstream|in\s+(?:the\s+)?mainline|into\s+(?:the\s+)?(?:[\w-]+\s+)?"
        r"(?:kernel|mainline|main\s+branch|master|trunk|codebase|repo(?:sitory)?|tree|upstream))\b"
        r"|\bmerg(?:e|es|ed|ing)\s+(?:(?:his|her|their|its|the|a|my|our|your)\s+)?(?:[\w-]+\s+)?"
        r"(?:branch(?:es)?|pull\s+requests?|PRs?|patch(?:es)?|commits?|changes|forks?)\b",
    ),
    # safety testing done together is evaluation: "Strengthening our safeguards through
    # collaboration with US CAISI and UK AISI"
    (
        ("collaboration", "partnership"),
        r"\b(?:safeguards?|safety\s+(?:testing|evaluations?)|red[\s-]teaming|evaluations?"
        r"|testing)\s+(?:through|via|with)\s+(?:a\s+|our\s+)?(?:collaboration|partnership)s?\b"
        r"(?![^.;]*(?:\blicen[cs]|§|\b(?:million|billion)\b))",
    ),
    # a stock rated, not a company bought: "Zoom Shares Are a Buy After Earnings"
    (
        ("buy",),
        r"\b(?:stocks?|shares?)\s+(?:[\w-]+\s+){0,2}?an?\s+(?:strong\s+|screaming\s+|good\s+"
        r"|great\s+|top\s+|smart\s+)?buy\b",
    ),
    # a count of research partnerships names none: "announced 4 research partnerships"
    (
        ("partnerships", "collaborations"),
        r"\b(?:\d+|two|three|four|five|six|several|many|multiple|new)\s+(?:new\s+)?(?:research"
        r"|scientific|academic)\s+(?:partnerships|collaborations)\b"
        r"(?![^.;]*(?:\blicen[cs]|[$€£¥§]\s?\d|§|\bworth\b|\b(?:million|billion)\b))",
    ),
    # an IPO imagined ("could someday go public", "an IPO could value it at $1 trillion")
    (
        ("could",),
        r"\bcould\s+(?:someday|one\s+day|eventually)\b|\b(?:ipo|listing)\s+could\s+value\b",
    ),
    # an IPO asked about: "whether Hugging Face will ever go public", "if it would list"
    (
        ("whether", "if ", "ever go public"),
        r"\b(?:whether|if)\s+(?:[\w.&'’-]+\s+){1,4}?(?:will|would|might|could|should|plans?\s+to)"
        r"\s+(?:ever\s+|someday\s+|one\s+day\s+|eventually\s+)?(?:go\s+public|ipo|list)\b"
        r"|\bwill\s+ever\s+go\s+public\b",
    ),
    # a customer's choice told as a story: "Why Bluejay Airlines bet on Aster", "Why Kestrel
    # chose Northwind"
    (
        ("why",),
        r"^\W*why\s+(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,3}\s+(?:bet|bets|chose"
        r"|chooses|picked|picks|switched\s+to|moved\s+to|trusts|went\s+with)\s+on\b"
        r"|^\W*why\s+(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,3}\s+(?:chose|chooses"
        r"|picked|picks|switched\s+to|moved\s+to|trusts|went\s+with)\b",
    ),
    # analysis of a deal, not the deal: "What the Halden-Quay deal tells us about chips", "What
    # Tarn's $3bn Ostler acquisition means for buyers", "Why the A-B pact still matters"
    (
        ("what", "why"),
        r"\b(?:what|why)\s+(?:the\s+|this\s+|that\s+)?(?:[\w.&'’§¤–-]+\s+){0,6}?(?:deal|merger"
        r"|acquisition|purchase|sale|takeover|buyout|partnership|tie-up|pact|alliance|ipo|listing"
        r"|round|fundraising|investment|stake|restructuring)s?\s+(?:(?:of|with|for|by|in)\s+"
        r"(?:[\w.&'’-]+\s+){1,4}?)?(?:really\s+|actually\s+)?(?:tells?|told|says?|teaches"
        r"|reveals?|signals?|shows?|means?\s+for|meant\s+for|still\s+matters?|failed|collapsed"
        r"|fell\s+apart|went\s+wrong|broke\s+down|didn['’]?t\s+work)\b",
    ),
    # a deal asked about again, in doubt: "Halden to buy Quay... again?"; a look back after an
    # ellipsis, a dash, a colon or a comma: "Kestrow to acquire Amble... one year on", "A and B:
    # a year in", "X's $40M Series B, two years later" (the model is kept off too)
    (("again",), r"\bagain\s*\?"),
    (
        ("year", "month"),
        r"(?:,|\.{3}|…|\s[—–]|:)\s+(?:one|a|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
        r"(?:years?|months?)\s+(?:on|in(?!\s+the\s+making)|later)\b",
    ),
    # commentary and essays: "Analyst on why the A-B pact is circular", "The A-B deal and the
    # chip question", "The real reason X bought Y", "Was the A-B merger a mistake?", "X's $2bn
    # Y deal, in charts", "Everything you need to know about X's Y acquisition"
    (("on why",), r"\bon\s+why\b"),
    (("real reason",), r"\bthe\s+real\s+reasons?\b"),
    (("was ", "were "), r"^[^\w]*(?:was|were)\s[^.?!]{3,90}\?"),
    (("chart", "numbers", "graph"), r",\s+in\s+(?:\w+\s+)?(?:charts|numbers|graphs)\b"),
    (("know",), r"\beverything\s+(?:you\s+need\s+to|to)\s+know\b"),
    (
        ("question", "problem", "puzzle", "paradox", "dilemma", "conundrum"),
        r"\band\s+the\s+(?:[\w-]+\s+){1,3}?(?:question|problem|puzzle|paradox|dilemma|conundrum)s?"
        r"\W*$",
    ),
    # shares bought on the market, not from the company: "Fenrow Fund buys $600 million of
    # Lyle shares in the market", "… through open-market purchases", "in a block trade", and a
    # fund that adds to a position ("Talbot bought another $25M of Quorn today")
    (
        ("market", "block trade"),
        r"\b(?:buys?|bought|buying|adds?|added|adding|purchas(?:es|ed|ing)|snaps?\s+up"
        r"|scoops?\s+up|acquir(?:es|ed|ing))\b[^.;|]{0,60}?\b(?:shares|stock|stakes?|holdings?)\b"
        r"[^.;|]{0,30}?\b(?:(?:in|on|from)\s+(?:the\s+)?"
        r"(?:open\s+)?market\b(?!\s+(?:for|of)\b)|(?:through|via|in)\s+(?:an?\s+)?(?:open[\s-])?"
        r"market\s+(?:purchases|buying|trades)|(?:through|via|in)\s+(?:an?\s+)?block\s+trades?)",
    ),
    (
        ("another", "more"),
        r"\b(?:buys?|bought|buying|adds?|added|adding|scoops?\s+up|scooped\s+up)\s+(?:another"
        r"|more)\s+§+\s+(?:worth\s+)?of\b",
    ),
    # a number of shares bought: "Tamsin Capital buys 3 million Lyle shares"
    (
        ("share",),
        r"\b(?:buys?|bought|buying|purchas(?:es|ed|ing)|adds?|added|adding)\s+(?:another\s+)?"
        r"\d[\d.,]*\s*(?:million|mn|m|k|lakh)?\s+(?:more\s+)?(?:[\w.&'’-]+\s+){0,3}?shares\b",
    ),
    # an activist's stake: "Corran takes $1.5 billion stake in Pell, pushes for changes"
    (
        ("stake",),
        r"\bstakes?\b[^.;|]{0,80}?\b(?:push(?:es|ing)?|press(?:es|ing)?|calls?|calling"
        r"|demand(?:s|ing)?|urg(?:es|ing))\s+(?:for\s+)?(?:an?\s+)?(?:(?:board|strategic"
        r"|management)\s+)?(?:changes?|seats?|sale|break-?up|shake-?up|overhaul|review)\b",
    ),
    # money won, not raised: "Tarn wins $250K from the Delta Health Challenge"; a public
    # tender won is a contract, no takeover bid ("Osk wins Rijkswegen tender")
    (
        ("win", "won"),
        r"\b(?:wins?|won|winning)\s+§+\s+from\b(?![^.;|]*\b(?:round|seed|series\s+[a-k]|funding"
        r"|investors?|led\s+by)\b)",
    ),
    (
        ("tender",),
        r"\b(?:wins?|won|winning|awarded|secur(?:es|ed|ing)|lands?|landed)\s+(?:the\s+|an?\s+)?"
        r"(?:[\w&.'’-]+\s+){0,3}?tenders?\b(?!\s+offer)",
    ),
    # money put into one's own sites, capacity or people, with no one on the other side:
    # "Halmer to invest $12 billion in new Ohio chip plant", "pours $3bn into its data centres",
    # "invests £1bn in staff training" (not "… in data-centre firm X", "… with X", "X and Y to
    # invest …")
    (
        ("invest", "pour", "pump", "put", "inject"),
        r"^(?![^.;|]*\b(?:and|jointly|together)\b[^.;|]*\b(?:invest|pour|pump|put|inject))"
        r"[^.;|]*?\b(?:invest(?:s|ed|ing)?|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|puts?|putting"
        r"|inject(?:s|ed|ing)?)\s+(?:(?:up\s+to|about|over|nearly|more\s+than|another|an\s+additional)"
        r"\s+)?§+\s+(?:(?:over|in\s+the\s+next)\s+\w+\s+years?\s+)?(?:in|into)\s+(?:(?:an?|the|its"
        r"|their|new|own|more)\s+)*(?:(?!to\s)[\w'’-]+\s+){0,4}?(?:plants?|factor(?:y|ies)|fabs?"
        r"|campus(?:es)?|facilit(?:y|ies)|sites?|data[\s-]?cent(?:er|re)s?|capacity|operations"
        r"|workforce|employees|staff|people|training|skills|manufacturing|expansion)\b"
        r"(?!\s+(?:[\w-]+\s+)?(?:builders?|firms?|company|companies|operators?|ventures?|startups?"
        r"|developers?|providers?|makers?|group|business|unit|owners?)\b)"
        r"(?![^.;|]*\b(?:with|alongside|from)\s+(?-i:[A-Z]))",
    ),
    # no purchase in view: "says it won't buy another big company", "has no plans to make
    # more acquisitions" (a denial of a named deal is that deal, status denied)
    (
        ("not", "n't", "never", "no "),
        r"\b(?:won['’]?t|will\s+not|would\s+not|wouldn['’]?t|not|never|no\s+plans\s+to|no\s+longer)"
        r"\s+(?:\w+\s+){0,2}?(?:buy|acquire|purchase|make)\s+(?:another|any|more)\b[^.;|]{0,30}?"
        r"\b(?:company|companies|firms?|startups?|rivals?|business(?:es)?|acquisitions?|deals?)\b",
    ),
    # one company's own units put together: "Orsk merges two business units into one AI
    # division", "AGM approves merger of subsidiaries" (not "A and B to merge AI chip units")
    (
        ("merg", "combin", "consolidat"),
        r"^(?![^.;|]*(?:\band\b|&|\bwith\b)[^.;|]*\b(?:merg|combin|consolidat))[^.;|]*?"
        r"\b(?:(?:merg|combin|consolidat)(?:es|ed|ing|e)\s+(?:its\s+|the\s+)?(?:own\s+)?(?:two|three"
        r"|several|\d+)\s+(?:of\s+its\s+)?(?:[\w-]+\s+)?|merger\s+of\s+(?:its\s+|the\s+|two\s+)*"
        r"(?:[\w-]+\s+)?)(?:business(?:es)?|units|divisions|teams|arms|subsidiaries|groups|labs"
        r"|departments|operations)\b",
    ),
    # a candidate's, a city's or a team's bid: "announces re-election bid", "makes his
    # presidential bid official", "Olympic bid fails", "rescue bid"
    (
        ("bid",),
        r"\b(?:re-?election|election|electoral|presidential|leadership|mayoral|senate|senatorial"
        r"|gubernatorial|parliamentary|congressional|campaign|poll|olympics?|world\s+cup|hosting"
        r"|title|medal|record|world-record|rescue|comeback|peace|asylum|appeal)\s+bids?\b",
    ),
    # an office taken over: "Castro to take over CELAC presidency", "takes over as chairman"
    (
        ("over",),
        r"\b(?:takes?|took|taking|to\s+take|taken)\s+over\s+(?:as\b|(?:the\s+|its\s+)?"
        r"(?:[\w.&'’-]+\s+){0,3}?(?:presidency|chairmanship|chair|helm|leadership|command"
        r"|premiership|post|role|duties|reins|portfolio|ministry|captaincy)\b)",
    ),
    # an offer to do something else than buy: "rejects GOP offer to ease shutdown", "shuns
    # offer of talks"
    (
        ("offer",),
        r"\boffers?\s+(?:to\s+(?:ease|end|help|cut|resume|hold|talk|negotiate|mediate|restart"
        r"|open|host|meet|step|withdraw|release|free|share|delay|drop|settle|lift|reduce|keep|stop"
        r"|halt|avert|avoid|break|reopen|reform|review|support)\b"
        # "received offer to negotiate a takeover": still one
        r"(?![^.;]{0,40}\b(?:takeover|merger|acquisition|buyout|sale|stake)\b)"
        r"|of\s+(?:talks|help|aid|asylum|support|a\s+truce|a\s+ceasefire)\b)",
    ),
    # an open-source project, a repository or a domain taken over is no company bought
    (
        ("project", "repo", "domain"),
        r"\b(?:acquir\w+|buys?|bought|takes?\s+over|took\s+over)\s+(?:the\s+)?"
        r"(?:[\w.&'’-]+\s+){1,3}?(?:open[\s-]source\s+project|repository|repo|domain(?:\s+name)?)\b",
    ),
)
_NO_DEAL_CHECKS = tuple((keys, re.compile(rx, _I)) for keys, rx in _NO_DEAL_EVENTS)


@lru_cache(maxsize=4096)  # a sentence is asked again by the segment, the model and its title
def no_deal_event(text: str) -> bool:
    """Whether ``text`` tells a membership, a tally of rounds, an ending, a regulator's action,
    an essay, an idiom, code merged, safety testing together, a stock rated, a count of
    research partnerships, an imagined IPO or a project taken over (``_NO_DEAL_EVENTS``)."""
    low = text.lower()
    return any(
        any(k in low for k in keys) and rx.search(text) is not None for keys, rx in _NO_DEAL_CHECKS
    )


# An explainer: "Amazon and Anthropic's relationship, explained", "… Here's why investors
# keep paying up": its body is not read for a deal its headline does not name
# ("Thinking Machines' $2 billion seed round, explained" names one and is read as it)
EXPLAINER = re.compile(
    r",\s+explained\b|\bwhat\s+(?:it|this|that)\s+means\s+for\b|:\s+what\s+(?:it|this)\s+means\b"
    r"|\bhere[’']s\s+(?:why|what|how)\b",
    _I,
)
# "litigation" naming what a product does, no lawsuit ("Marlowe, Maker of AI Litigation
# Assistant"; "litigation-finance startup")
_LITIGATION = (
    r"litigation(?![\s-]+(?:assistant|software|tools?|platform|startup|start-up|copilot|ai"
    r"|analytics|finance|funding|funder|support|workflows?|teams?|research)\b)"
)
HARD_NON_DEAL = re.compile(
    rf"\b(?:su(?:e|es|ed|ing)|lawsuits?|{_LITIGATION}|court|judge|jury|verdict"
    # a deal cleared is deal news ("Wiz deal wins US antitrust clearance"), and so is one
    # dropped for it ("scrap merger after antitrust pushback")
    r"|(?<!\bafter\s)(?<!\bamid\s)(?<!\bover\s)(?<!\bciting\s)"
    r"antitrust(?!\s+(?:clearance|approval|nod|green\s+light|sign-?off))|probe"
    r"|inquiry|investigat\w+|subpoena\w*|fined?|fines|penalt\w+"
    # credits given, no money raised ("will each receive up to $1 million in AWS credits")
    r"|in\s+(?:[\w-]+\s+){0,2}?credits"
    # a settlement that comes with a licence is the licence ("settles with Udio, agrees
    # licensing partnership")
    r"|settle(?:s|d|ment)?(?![^.;]*\blicen[cs]\w*\s+(?:deal|agreement|partnership|pact))"
    # a grant of money, not "grants X an exclusive licence"
    # (nor a grant as a topic: "fights grant fraud", "grant applications")
    r"|grants?(?!\s+(?:fraud|applications?|writing|seekers|management)\b)"
    r"(?!\s+(?:[\w.&'’-]+\s+){1,3}?(?:an?\s+)?(?:(?:exclusive|non-exclusive|global|perpetual"
    r"|worldwide|multi-year)\s+)*licen[cs]e)"
    # (a price "including debt" is a purchase's)
    r"|subsid(?:y|ies|i[sz]\w*)|loans?|(?<!including\s)(?<!plus\s)(?<!and\s)debt|bonds?|notes\s+offering|credit\s+(?:facility|line)|buy\s+rating"
    r"|price\s+target|buy-?backs?|repurchase\w*|market\s+(?:cap\w*|value)|most\s+valuable"
    r"|capex|capital\s+(?:spending|expenditures?)|(?<!to\s)forecasts?|guidance|outlook)\b"
    r"|insider\s+(?:sell|sale|buy|selling|buying|trad)\w*|sells?\s+[\d,]+\s+shares"
    # a research partnership is no deal, unless it comes with a licence or money
    r"|(?<![$€£¥\d]\s)(?<!\b(?:million|billion)\s)(?:research|scientific|academic)\s+"
    r"(?:partnerships?|collaborations?)(?![^.;]*(?:\blicen[cs]|[$€£¥]\s?\d|\bworth\b"
    r"|\b(?:million|billion|milestones?|upfront)\b))"
    # "Partnering with the Ellison Institute on cancer research": what they partner on is research
    # "We partnered with Pattern Labs on a range of cybersecurity evaluations of Claude"
    r"|\b(?:partner\w*|collaborat\w*|team(?:s|ed|ing)?\s+up)\s+with\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w&.'’-]*\s+){1,5}on\s+"
    r"(?:[\w-]+\s+){0,4}?(?:research|evaluations?|benchmarks?|stud(?:y|ies)|papers?)\b"
    r"(?![^.;]*(?:\blicen[cs]|[$€£¥]\s?\d|\b(?:million|billion)\b))"
    # "IBM and AMD partner on quantum research", "open joint EUV lab": research together
    r"|\b(?:partner|collaborate|team\s+up)s?\s+on\s+(?:[\w-]+\s+){0,4}?(?:research|stud(?:y|ies)"
    r"|evaluations?|benchmarks?)\b(?![^.;]*(?:\blicen[cs]|[$€£¥]\s?\d|\b(?:million|billion)\b))"
    r"|\b(?:open|launch|set\s+up|establish|inaugurat)\w*\s+(?:an?\s+|new\s+)*joint\s+(?:[\w-]+\s+){0,3}?"
    r"(?:lab|laborator(?:y|ies)|labs|research\s+cent(?:er|re)s?|institute)\b"
    # speculation and lists about deals: "Will OpenAI IPO in 2027?", "our predictions: one
    # big merger", "The 5 biggest AI deals of the year, ranked"
    r"|^[^\w]*(?:will|could|should|can|is|are)\s[^.?!]{3,90}\?|\bpredictions?\b(?![\s-]+(?:models?|markets?|engines?|tools?|platforms?|software|systems?|apis?)\b)"
    r"|,\s+ranked\b"
    # a retrospective: "Northwind's $2B Quill acquisition, one year on", "X's Series E, six
    # months in"
    r"|,\s+(?:one|a|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?)"
    r"\s+(?:on|in|later)\b|\b(?:ipo|deal|merger|takeover)\s+chatter\b"
    # an argument, not an event: "The bull case for a Mistral IPO", "The case against …"
    r"|\b(?:bull|bear)\s+case\b|^[^\w]*the\s+case\s+(?:for|against)\b"
    # listings as a class or a past: "tightens rules on SME IPOs", "slip below issue price"
    r"|\b(?:rules?|norms|regulations?|guidelines|framework)\s+(?:on|for|governing)\s+"
    r"(?:[\w-]+\s+){0,2}?IPOs\b|\bbelow\s+(?:its\s+|the\s+|their\s+)?(?:issue|listing|offer)"
    r"\s+price\b(?![^.;]*\bdebut)"
    # ("Leaked pitch deck: How X pitched its Series A", "Customer story: how a bank …")
    r"|(?:^|^[^:|]{1,40}:\s+)how\s+(?!to\b)|\binterview(?:s|ed)?\s+with\b|\b(?:wins?|won|awarded)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:prize|award)s?\b"
    # money given to a cause: "raised $2 million at its annual gala", "donations"
    r"|\b(?:gala|donations?|donors?|philanthrop\w*|charit(?:y|ies|able))\b"
    # a market's tally: "venture funding for climate AI hit $18 billion in 2026"
    r"|\b(?:venture|VC|startup|start-up|private|global|total)\s+(?:capital\s+)?(?:funding|investment"
    r"|financing|deal\s+value)\s+(?:(?:for|in|into|to)\s+)?(?:[\w-]+\s+){0,4}?(?:hit|hits|reached"
    r"|reaches|topped|tops|rose|rises|fell|falls|surged|surges|climbed|climbs|totaled|totalled|totals"
    r"|doubled|jumped|dropped|slumped)\b"
    # an event held, with whoever helps: "Hosts Hackathon … in Partnership With Local Universities"
    r"|\b(?:hosts?|hosted|hosting|holds|organi[sz](?:es|ed|ing))\s+(?:an?\s+|its\s+|the\s+|first\s+"
    r"|annual\s+|weekend\s+)*(?:[\w-]+\s+){0,2}?(?:hackathon|conference|summit|workshop|meetup|webinar"
    r"|competition|bootcamp|expo|festival)s?\b"
    # a regulator's licence: "secures payments licence in Egypt", "granted a banking licence"
    r"|\b(?:payments?|banking|e-?money|lending|operating|brokerage|broker-dealer|exchange"
    r"|crypto(?:currency)?|telecoms?|spectrum|insurance|money[\s-]transmitt\w+|remittance|NBFC|gaming"
    r"|custody|trading|securities|mining|export|import|broadcast(?:ing)?|driving|pharmacy|medical"
    r"|digital\s+bank(?:ing)?)\s+licen[cs]es?\b"
    # a forum's tags: "[D]" discussion, "[R]" research, "[P]" project
    r"|^\s*\[(?-i:D|R|P)\]"
    # a programme joined: "joins the Guidewire PartnerConnect program"
    r"|\bjoin(?:s|ed|ing)?\s+(?:the\s+|its\s+)?(?:[\w.&'’-]+\s+){0,3}?(?:partner\s+)?(?:program(?:me)?|network"
    r"|ecosystem)\b",
    _I,
)
# Phrases that make a sentence a non-deal story (unless a strong trigger precedes them).
NON_DEAL = re.compile(
    rf"\b(?:su(?:e|es|ed|ing)|lawsuits?|{_LITIGATION}|court|judge|jury|verdict|copyright"
    r"|(?<!\bafter\s)(?<!\bamid\s)(?<!\bover\s)(?<!\bciting\s)antitrust|probe"
    # hiring and marketing words: "Meta's talent acquisition spree", "customer acquisition costs"
    r"|(?:talent|customer|user|subscriber)\s+acquisition"
    r"|acquit(?:s|ted|tal)|convicted|cleared\s+(?:of|in)|found\s+guilty|sentenced"
    r"|inquiry|investigat\w+|subpoena\w*|fined?|fines|penalt\w+|regulat\w+|ban(?:s|ned)?"
    r"|export\s+controls?|earnings|quarterly|results|revenues?|profits?|net\s+(?:income|loss)"
    r"|forecasts?|guidance|outlook|dividends?|market\s+(?:cap\w*|value)|most\s+valuable"
    r"|(?:shares?|stock)\s+(?:have\s+|has\s+)?(?:more\s+than\s+)?(?:rise|rose|rises|fall|fell|falls"
    r"|slip\w*|sink\w*|sank|jump\w*|surge\w*|slump\w*|soar\w*|drop\w*|tumble\w*|plunge\w*|climb\w*"
    r"|rall\w*|doubl\w*|tripl\w*|pop(?:s|ped|ping)?|spik\w*|skyrocket\w*|nosediv\w*|crater\w*"
    r"|slid(?:e|es|ing)|dip(?:s|ped)?|sag(?:s|ged)?|rebound\w*|retreat\w*)|rule\s+changes?"
    r"|capex|capital\s+(?:spending|expenditures?)|spend(?:s|ing)?|lay(?:s|ing)?\s+off|layoffs?"
    r"|job\s+cuts|cuts?\s+[\w,]+\s+jobs|workforce|hir(?:es|ed|ing)|poach\w*|appoint\w*|steps?\s+down"
    # an executive named: "Brightloom names Dana Whitcombe Chief Financial Officer"
    r"|names\s+(?:[\w.'’-]+\s+){1,4}?(?:as\s+)?(?:its\s+|the\s+|new\s+|interim\s+)*(?:chief\s+"
    r"[\w-]+\s+officer|ceo|cfo|cto|coo|cmo|president|chair(?:man|woman)?|general\s+counsel)"
    r"|resign\w*|ousted|fires|fired|departs?|launch\w*|unveil\w*|releas\w+|introduc\w+|rolls?\s+out"
    r"|tutorial|how\s+to|research(?:ers)?|paper|study|case\s+study|buy\s+rating|price\s+target"
    r"|upgrade\w*|fellows|fellowships?"
    r"|qtr|shr|(?:1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter|loss(?:es)?|gains?"
    r"|payouts?|distribut\w+"
    # "OpenAI's IPO chatter", "the AI deal frenzy": talk of deals, none in particular
    r"|(?:(?<=ipo\s)|(?<=deal\s)|(?<=merger\s)|(?<=listing\s)|(?<=takeover\s))"
    r"(?:buzz|hype|frenzy|mania)"
    r"|downgrade\w*|buy-?backs?|repurchase\w*"
    # a seller's order book: "Oracle's Backlog Swells to $600 Billion on AI Contracts"
    r"|backlog|remaining\s+performance\s+obligations"
    # a customer lost: "Scale AI Loses Google as a Customer After Meta Deal"
    r"|los(?:es|t|ing)\s+(?:[\w.&'’-]+\s+){1,3}?as\s+(?:an?\s+)?(?:customer|client)"
    # purchases as a habit: "Shopify's latest acquisition spree", "Meta's acquisition strategy"
    r"|acquisitions?\s+(?:spree|binge|streak|strategy|playbook|machine|appetite)"
    # a hire: "Dana Whitfield joins Anthropic as Chief Financial Officer"
    r"|joins\s+(?:[\w.&'’-]+\s+){1,4}?as\s+(?:its\s+|the\s+|new\s+|interim\s+|an?\s+)*(?:chief\s+"
    r"[\w-]+\s+officer|ceo|cfo|cto|coo|cmo|cpo|president|chair(?:man|woman)?|general\s+counsel|head\s+of"
    r"|vice\s+president|vp|svp|evp|director|board\s+member|adviser|advisor))\b"
    # "X is now available in the AWS Marketplace": a listing; "Weather forecasting with
    # diffusion models, in collaboration with ECMWF": research done together
    r"|\b(?:is\s+|are\s+)?now\s+available\s+(?:in|on|through|via|from)\b"
    r"|,\s+in\s+(?:collaboration|partnership)\s+with\b",
    _I,
)
# Hires are part of licence-and-hire deals, launches part of partnership news: which
# non-deal phrases each type ignores.
IGNORED_CUES: dict[str, re.Pattern[str]] = {
    "licensing": re.compile(r"^(?:hir|poach|appoint|fired|fires)", _I),
    "joint-venture": re.compile(r"^(?:launch|unveil|introduc)", _I),
    "ipo": re.compile(r"^(?:shares|revenue|releas|launch|hir)", _I),  # "hires banks for IPO"
    "funding": re.compile(r"^(?:revenue|research)", _I),
}
