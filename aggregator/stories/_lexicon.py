"""Word lists used by the story features (surface forms; stemmed by ``_text``).

STOPWORDS carry no meaning and are dropped. GENERIC words are kept but weigh little and are
never company names even when capitalised (headline Title Case capitalises everything).
EVENT_CLASSES name what happened; two reports whose event classes conflict are never one story.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

STOPWORDS = frozenset(
    """
a an the and or but nor of to in on at by for from with without into onto upon about as is are
was were be been being am do does did done has have had having it its it's this that these those
there their they them he she his her him we our us you your i me my not no so than then too very
can could will would shall should may might must just also only even still yet up down out off
again once here when where why how what which who whom whose while if because though although
per via vs versus amid among between against before after during over under above below through
all any both each few more most other some such own same s t ll ve re d m
""".split()
) | frozenset(
    # the function words of the other languages reports come in (French, German, Spanish,
    # Portuguese, Italian), left out where they are English words or names ("die", "mit")
    """
le la les une des du au aux et ou sur pour avec dans par est sont qui que à
der das dem den des ein eine einen einem und für von zum zur bei beim nach auf ist sind wird
una del y con por para su sus se como el los las al
um uma em da do das dos na nas ao aos e
il lo gli della dei nel
""".split()
)

GENERIC = frozenset(
    """
says said say saying tell tells told report reports reported reporting news update updates
new first last next top big biggest small major latest today yesterday tomorrow week weeks month
months year years day days time times now early late ahead back set sets plan plans deal deals
company companies firm firms group inc corp corporation co ltd llc plc holdings ag sa nv
ceo cfo cto chief executive head boss chairman president founder founders cofounder
cofounders ia ki
ai artificial intelligence tech technology startup startups business market markets industry
world global people percent pct share shares stock stocks price prices
us u.s usa america american uk eu europe european china chinese japan japanese india
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
how why what who when watch exclusive breaking live analysis opinion video photos
one two three four five six seven eight nine ten hundred thousand million billion trillion
make makes made get gets got go goes going take takes took see sees seen show shows
help helps want wants look looks need needs move moves way ways part
yes again here's
gobierno governo gouvernement regierung bundesregierung parlamento parlement parlament senado
sénat senat congreso kommission comisión comissão commissione ministerio ministère ministerium
""".split()
)

# Event classes: a report naming an event of one class and none of another class it
# conflicts with is about a different event ("sues" vs "invests" between the same firms).
EVENT_CLASSES: dict[str, frozenset[str]] = {
    "invest": frozenset(
        """
        invest invests invested investing investment investments investor investors funding
        fund funds funded raise raises raised raising round rounds stake stakes valuation
        valued
        lève lèvent levée financement investit ronda rodada capta levanta recauda
        investiert finanzierung finanzierungsrunde runde sammelt investe investissement
        investissements
    """.split()
    ),
    "acquire": frozenset(
        """
        acquire acquires acquired acquiring acquisition acquisitions buy buys buying bought
        takeover takeovers merger mergers merge merges merged purchase purchases purchased
        buyout
        rachète rachat acquiert übernimmt übernahme kauft compra adquiere adquire
        comprará compró adquirirá adquirió rachètera racheter übernehmen
    """.split()
    ),
    "partner": frozenset(
        """
        partner partners partnered partnering partnership partnerships alliance collaboration
        collaborate collaborates team teams
        partenariat partnerschaft kooperation alianza parceria
    """.split()
    ),
    "deal": frozenset(
        """
        deal deals agreement agreements pact pacts contract contracts
        license licenses licensed licensing
    """.split()
    ),
    "legal": frozenset(
        """
        sue sues sued suing lawsuit lawsuits suit suits court courts judge judges antitrust
        probe probes litigation complaint complaints regulator regulators fine fined fines
        verdict ruling ruled infringement copyright trial class-action alleging alleges inquiry
        scrutinizes scrutinises investigation watchdog watchdogs
        ftc doj cma kartellamt bundeskartellamt kartellbehörde
        poursuit poursuivent procès verklagt klage enquête enquêtes demanda demandan
        kartellverfahren ermittlungen bußgeld multa multas amende amendes investigación indagine
    """.split()
    ),
    "launch": frozenset(
        """
        launch launches launched launching unveil unveils unveiled release releases released
        debut debuts debuted introduce introduces introduced rollout
        opensources opensourced opensourcing
        lance dévoile lanza lança
    """.split()
    ),
    "layoff": frozenset(
        """
        layoff layoffs laid lay lays laying redundancies furlough furloughs jobs workforce
        job-cuts axe axes axed axing
    """.split()
    ),
    "people": frozenset(
        """
        resign resigns resigned resignation hire hires hired appoint appoints appointed
        appointment depart departs departure ousted oust ousts successor poaches poached
        welcome welcomes welcoming
    """.split()
    ),
    "results": frozenset(
        """
        earnings revenue revenues profit profits loss losses quarter quarterly results
        forecast forecasts estimates outlook guidance
        résultats bénéfice bénéfices attentes umsatz gewinn quartalszahlen resultados
        beneficio ingresos expectations erwartungen prognose backlog
    """.split()
    ),
    "breach": frozenset(
        """
        hacked cyberattack cyberattacks ransomware intruders stole stolen datenleck piratage
        attackers leak leaks leaked vulnerability vulnerabilities exploit exploited hijack
        hijacks hijacked
    """.split()
    ),
    "outage": frozenset(
        """
        outage outages downtime disruption disruptions offline postmortem post-mortem
        panne pannes störung ausfall caída
    """.split()
    ),
    "office": frozenset(
        """
        office offices headquarters hq bureau installe siège
        bureaux büro niederlassung oficina oficinas escritório
    """.split()
    ),
}

# Words that name an event only as written (their stems name other things too: "a good
# sign", "sale" of a company is no sales figure).
EVENT_SURFACE: dict[str, frozenset[str]] = {
    "deal": frozenset({"signs", "signed", "signing"}),
    "results": frozenset({"sales"}),
    # as written: its stem is "back" ("Llama 5 is back to open weights" is no investment)
    "invest": frozenset({"backing"}),
}
# A listing: never in conflict, and a title naming one uses "debut" for the first day of
# trading, not for a launch.
IPO_WORDS = frozenset({"ipo", "ipos", "listing", "上市"})
# Where a company lists, named beside it in a listing's reports ("Cerulean soars in Nasdaq
# debut" / "Cerulean Systems prices IPO"): a venue, never another party of the event.
EXCHANGES = frozenset(
    "nasdaq nyse amex lse aim tsx asx hkex sgx euronext xetra tse krx bse nse".split()
)
# Words that name no event after the word before them: "clinical trials" are no court
# case, a "trading debut" is a listing (an IPO), not a launch.
EVENT_AFTER: dict[tuple[str, str], str | None] = {
    ("clinical", "trial"): None,
    ("trading", "debut"): "ipo",
    ("market", "debut"): "ipo",
    ("stock", "debut"): "ipo",
    ("nasdaq", "debut"): "ipo",
    # a company put up for sale is an acquisition in the making
    ("explore", "sale"): "acquire",
    ("explores", "sale"): "acquire",
    ("exploring", "sale"): "acquire",
    ("weighs", "sale"): "acquire",
    ("weighing", "sale"): "acquire",
    ("for", "sale"): "acquire",
    ("seeks", "buyer"): "acquire",
    ("seeks", "buyers"): "acquire",
    # a competition authority's review is a legal event ("Sweden's competition authority
    # opens review of Corvane-Lindqvist deal" / "… faces Swedish competition probe")
    ("competition", "authority"): "legal",
    ("competition", "authorities"): "legal",
    ("competition", "commission"): "legal",
    ("opens", "review"): "legal",
    ("antitrust", "review"): "legal",
    ("merger", "review"): "legal",
    # "Authors file class action against …" (the hyphenated word is in the lexicon)
    ("class", "action"): "legal",
    # a security incident: "data breach" (a "breach" alone is also of a contract or a rule)
    ("data", "breach"): "breach",
    ("data", "breaches"): "breach",
    ("security", "breach"): "breach",
    # a company owning up to one: "Quillmark confirms breach …"
    ("confirms", "breach"): "breach",
    ("discloses", "breach"): "breach",
    ("suffers", "breach"): "breach",
    ("admits", "breach"): "breach",
    # a service that stops working: "Stratus Grid is down", "… goes down on Christmas Eve",
    # "Elevated error rates on …"
    ("is", "down"): "outage",
    ("goes", "down"): "outage",
    ("went", "down"): "outage",
    ("was", "down"): "outage",
    ("are", "down"): "outage",
    ("were", "down"): "outage",
    ("down", "again"): "outage",  # "ChatGPT down again — here's what we know"
    ("error", "rates"): "outage",
    ("falls", "over"): "outage",
    ("fell", "over"): "outage",
    ("power", "failure"): "outage",
    ("login", "failures"): "outage",
    ("service", "failure"): "outage",
    # a hole found in a product: "prompt injection", "security flaw", "security incident"
    ("prompt", "injection"): "breach",
    ("security", "flaw"): "breach",
    ("security", "incident"): "breach",
    ("security", "issue"): "breach",
}
# Words that name no event before the word after them (stop words skipped): a
# "trial-matching startup" is no court case, to "launch a startup" is no product launch
# ("Elena Kovac exits Corvane to launch a startup").
EVENT_BEFORE: dict[tuple[str, str], str | None] = {
    ("trial", "matching"): None,
    ("trial", "recruitment"): None,
    ("launch", "startup"): None,
    ("launch", "company"): None,
    ("launch", "venture"): None,
    ("launching", "startup"): None,
    ("launching", "company"): None,
    # a model's licence, no licensing deal ("Llama 5 is out: …, new license terms")
    ("license", "terms"): None,
    ("licence", "terms"): None,
}
# Words after which a title names what came before its event: "Cinder Hires Bankers to
# Explore Sale After Layoffs" tells a sale, not the layoffs (read so only when the title
# has named an event before the word).
BACKGROUND_WORDS = frozenset({"after", "following", "amid", "despite"})
# Events named inside words of scripts written without spaces (Chinese, Japanese).
EVENT_INFIXES: dict[str, str] = {
    "融资": "invest",
    "融資": "invest",
    "出资": "invest",
    "出資": "invest",
    "投资": "invest",
    "投資": "invest",
    "上市": "ipo",
    "收购": "acquire",
    "買収": "acquire",
    "并购": "acquire",
    "合作": "partner",
    "提携": "partner",
    "发布": "launch",
    "発表": "launch",
    "开源": "launch",
    "裁员": "layoff",
    "起诉": "legal",
    "オフィス": "office",
    "办公室": "office",
    "事務所": "office",
    "提訴": "legal",
}

# Korean event words (Hangul words take their particles: "공개했다", "인수한다").
EVENT_INFIXES.update(
    {
        "공개": "launch",
        "출시": "launch",
        "인수": "acquire",
        "투자": "invest",
        "제휴": "partner",
        "소송": "legal",
        "상장": "ipo",
        "調達": "invest",
        "発売": "launch",
        "推出": "launch",
        # results: "1～3月期は38%増収", "决算", "실적"
        "増収": "results",
        "減収": "results",
        "増益": "results",
        "減益": "results",
        "決算": "results",
        "财报": "results",
        "营收": "results",
        "실적": "results",
    }
)
# Companies and models as Chinese, Japanese and Korean reports write them, with the name the
# English reports use: a report in another script names the same company ("SK하이닉스,
# 엔비디아 HBM4E 물량 확보" / "SK Hynix wins Nvidia's memory orders").
NATIVE_NAMES: dict[str, str] = {
    # Korean
    "삼성전자": "Samsung",
    "삼성": "Samsung",
    "SK하이닉스": "SK Hynix",
    "하이닉스": "Hynix",
    "SK텔레콤": "SK Telecom",
    "엔비디아": "Nvidia",
    "네이버": "Naver",
    "카카오": "Kakao",
    "LG전자": "LG",
    "현대자동차": "Hyundai",
    "현대차": "Hyundai",
    "구글": "Google",
    "마이크로소프트": "Microsoft",
    "애플": "Apple",
    "아마존": "Amazon",
    "오픈AI": "OpenAI",
    "앤트로픽": "Anthropic",
    "인텔": "Intel",
    "퀄컴": "Qualcomm",
    "테슬라": "Tesla",
    "업스테이지": "Upstage",
    "리벨리온": "Rebellions",
    "퓨리오사": "Furiosa",
    "크래프톤": "Krafton",
    "쿠팡": "Coupang",
    "딥시크": "DeepSeek",
    "알리바바": "Alibaba",
    "화웨이": "Huawei",
    "소프트뱅크": "SoftBank",
    "마이크론": "Micron",
    "브로드컴": "Broadcom",
    "오라클": "Oracle",
    "미스트랄": "Mistral",
    "LG AI연구원": "LG AI Research",
    "엑사원": "EXAONE",
    "제미나이": "Gemini",
    "챗GPT": "ChatGPT",
    "클로드": "Claude",
    "하이퍼클로바X": "HyperCLOVA X",
    # Japanese
    "ジェミニ": "Gemini",
    "クロード": "Claude",
    "ソフトバンク": "SoftBank",
    "ソニー": "Sony",
    "トヨタ": "Toyota",
    "日産": "Nissan",
    "ホンダ": "Honda",
    "楽天": "Rakuten",
    "サカナAI": "Sakana AI",
    "エヌビディア": "Nvidia",
    "グーグル": "Google",
    "マイクロソフト": "Microsoft",
    "アップル": "Apple",
    "アマゾン": "Amazon",
    "オープンAI": "OpenAI",
    "アンソロピック": "Anthropic",
    "インテル": "Intel",
    "富士通": "Fujitsu",
    "日立": "Hitachi",
    "パナソニック": "Panasonic",
    "キオクシア": "Kioxia",
    "東芝": "Toshiba",
    "ラピダス": "Rapidus",
    "プリファードネットワークス": "Preferred Networks",
    "ウェイブ": "Wayve",
    "任天堂": "Nintendo",
    "メルカリ": "Mercari",
    "アリババ": "Alibaba",
    "ファーウェイ": "Huawei",
    "テスラ": "Tesla",
    "ディープシーク": "DeepSeek",
    # Chinese
    "百度": "Baidu",
    "阿里巴巴": "Alibaba",
    "阿里": "Alibaba",
    "腾讯": "Tencent",
    "騰訊": "Tencent",
    "字节跳动": "ByteDance",
    "華為": "Huawei",
    "华为": "Huawei",
    "小米": "Xiaomi",
    "深度求索": "DeepSeek",
    "月之暗面": "Moonshot",
    "智谱": "Zhipu",
    "商汤": "SenseTime",
    "英伟达": "Nvidia",
    "輝達": "Nvidia",
    "谷歌": "Google",
    "微软": "Microsoft",
    "苹果": "Apple",
    "亚马逊": "Amazon",
    "台积电": "TSMC",
    "台積電": "TSMC",
    "英特尔": "Intel",
    "三星": "Samsung",
    "软银": "SoftBank",
    "特斯拉": "Tesla",
    "京东": "JD",
    "美团": "Meituan",
    "比亚迪": "BYD",
    "联想": "Lenovo",
    "宁德时代": "CATL",
    "中芯国际": "SMIC",
    "寒武纪": "Cambricon",
    "文心": "Ernie",
    "通义千问": "Qwen",
    "通义": "Qwen",
    "豆包": "Doubao",
    "混元": "Hunyuan",
}

# Pairs of classes that cannot describe one event. "partner" and "deal" conflict with neither
# investments nor acquisitions: deals are routinely called partnerships ("Amazon and Anthropic
# partner with a $4B deal"); a deal is not a lawsuit, a launch or a layoff.
EVENT_CONFLICTS = frozenset(
    {
        frozenset({"invest", "acquire"}),
        frozenset({"invest", "legal"}),
        frozenset({"acquire", "legal"}),
        frozenset({"partner", "legal"}),
        frozenset({"deal", "legal"}),
        frozenset({"deal", "launch"}),
        frozenset({"deal", "layoff"}),
        frozenset({"invest", "launch"}),
        frozenset({"acquire", "launch"}),
        frozenset({"legal", "launch"}),
        frozenset({"invest", "layoff"}),
        frozenset({"acquire", "layoff"}),
        frozenset({"legal", "layoff"}),
        frozenset({"launch", "layoff"}),
        frozenset({"office", "invest"}),
        frozenset({"office", "acquire"}),
        frozenset({"office", "legal"}),
        frozenset({"office", "layoff"}),
        frozenset({"office", "launch"}),
        frozenset({"invest", "people"}),
        frozenset({"acquire", "people"}),
        frozenset({"legal", "people"}),
        frozenset({"launch", "people"}),
        frozenset({"invest", "results"}),
        frozenset({"acquire", "results"}),
        frozenset({"legal", "results"}),
        frozenset({"launch", "results"}),
    }
)

IRREGULAR = {
    "sued": "sue",
    "sues": "sue",
    "suing": "sue",
    "bought": "buy",
    "buys": "buy",
    "sold": "sell",
    "sells": "sell",
    "won": "win",
    "led": "lead",
    "leads": "lead",
    "struck": "strike",
    "hit": "hit",
    "hits": "hit",
    "news": "news",
    "series": "series",
    "u.s": "us",
    "u.s.": "us",
    "us": "us",
    "has": "have",
    "does": "do",
    "is": "is",
    "its": "its",
    "this": "this",
    "plus": "plus",
    "less": "less",
    "gas": "gas",
    "bias": "bias",
    "chaos": "chaos",
    "analysis": "analysis",
    "ios": "ios",
    "macos": "macos",
}
# One fact told in other everyday words (UCI news-stories: "weds" / "marries", "transit" /
# "transportation"): each form stems as its group's key.
SYNONYMS = {
    "marry": ("marries", "married", "marrying", "wed", "weds", "wedded", "wedding"),
    "child": ("children", "kid", "kids"),
    "transit": ("transportation",),
    # a city as other languages write it ("Vallorin s'installe à Londres")
    "london": ("londres", "londra"),
    "munich": ("münchen", "munchen", "múnich"),
}
IRREGULAR.update({form: canon for canon, forms in SYNONYMS.items() for form in forms})


DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def place_stems() -> frozenset[str]:
    """Stems of the shipped one-word place names (``data/places.txt``, made by
    ``bench/make_lexicons.py``): a place is never a title's subject ("Seattle-based Atlas
    Forge cuts 200 jobs" is about Atlas Forge)."""
    from aggregator.stories._text import stem

    path = DATA / "places.txt"
    lines = (
        (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
        if path.exists()
        else iter(())
    )
    words = {w for w in lines if w and not w.startswith("#") and " " not in w}
    return frozenset(stem(w) for w in words | COUNTRY_ALIASES | CITY_ADJECTIVES)


# Countries as headlines name them, which places.txt (main names only) lacks.
COUNTRY_ALIASES = frozenset(
    """
    britain england scotland wales korea emirates uae holland brussels whitehall beijing
    washington bund
    latin asia asian africa african arctic nordic nordics scandinavia gulf
""".split()
)


# A city's adjective opening a German, French or Spanish title ("Prager KI-Start-up Ostrava
# sammelt 80 Mio. Euro ein", "Münchner KI-Startup …"): a place, never the subject.
CITY_ADJECTIVES = frozenset(
    """
    berliner münchner hamburger kölner frankfurter stuttgarter düsseldorfer prager wiener
    zürcher pariser londoner parisienne parisien lyonnaise lyonnais madrileña madrileño
    barcelonesa barcelonés
""".split()
)


# Countries and unions as titles name them: the name, its adjective and its capital (the
# seat of its government stands for it: "Tokyo earmarks ¥100bn", "Ottawa unveils …").
REGIONS: dict[str, frozenset[str]] = {
    region: frozenset(words.split())
    for region, words in {
        "us": "us u.s usa america american washington",
        "uk": "uk britain british london whitehall",
        "eu": "eu europe european brussels",
        "china": "china chinese beijing",
        "japan": "japan japanese tokyo",
        "india": "india indian delhi",
        "korea": "korea korean seoul",
        "canada": "canada canadian ottawa",
        "france": "france french paris",
        "germany": "germany german berlin bund",
        "spain": "spain spanish madrid españa",
    }.items()
}


# Countries named inside words of scripts written without spaces ("米Lumora、東京にオフィス
# 開設": Tokyo, Japan); "米" and "美" alone are the US as Japanese and Chinese titles write it.
REGION_INFIXES: dict[str, str] = {
    "東京": "japan",
    "日本": "japan",
    "米国": "us",
    "美国": "us",
    "中国": "china",
    "北京": "china",
    "英国": "uk",
    "ロンドン": "uk",
    "伦敦": "uk",
    "ソウル": "korea",
    "韓国": "korea",
    "韩国": "korea",
    "ドイツ": "germany",
    "德国": "germany",
    "フランス": "france",
    "法国": "france",
}
REGION_WORDS_CJK = {"米": "us", "美": "us", "英": "uk", "独": "germany", "仏": "france"}


# A region inside another: a French report and a European one can tell one event.
REGION_PARENTS = {"france": "eu", "germany": "eu", "spain": "eu"}


@lru_cache(maxsize=1)
def region_stems() -> dict[str, frozenset[str]]:
    """Stem of each word of ``REGIONS`` -> its region and the regions that hold it."""
    from aggregator.stories._text import stem

    return {
        stem(w): frozenset({region, REGION_PARENTS.get(region, region)})
        for region, words in REGIONS.items()
        for w in words
    }


# Legal words that name nothing else: a title with one of them is about a suit, a probe or a
# fine ("court", "trial", "suits", "fine" are also a verb, a drug trial, a fit, a quality).
STRONG_LEGAL = frozenset(
    """
    sue sues sued suing lawsuit lawsuits antitrust probe probes litigation regulator
    regulators fined verdict infringement class-action inquiry investigation watchdog
    watchdogs scrutinizes scrutinises
    ftc doj cma kartellamt bundeskartellamt kartellbehörde poursuit poursuivent verklagt
    """.split()
)

# Who brings a suit, as titles name them in lower case: two suits against one company by
# claimants of other kinds are two events ("Authors' group sues Tessary" / "Tessary sued by
# music publishers"). A suit's claimant with a name is a party like any other.
CLAIMANTS: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "authors": "author authors writer writers novelist novelists auteurs autoren autores",
        "artists": "artist artists illustrator illustrators photographer photographers "
        "painter painters actor actors artistes künstler",
        "music": "music musician musicians songwriter songwriters label labels musique musik",
        "news": "newspaper newspapers publisher publishers journalist journalists presse "
        "éditeurs verlage verleger zeitungen",
        "investors": "shareholder shareholders stockholder stockholders investor investors "
        "actionnaires aktionäre accionistas",
        "workers": "employee employees worker workers engineers contractors moderators salariés",
        "users": "user users customer customers consumer consumers parents families",
        "states": "state states attorney attorneys prosecutor prosecutors ftc doj cma "
        "kartellamt bundeskartellamt kartellbehörde",
    }.items()
}
# "music publishers" are music's, not the press's
CLAIMANT_OVER = {"music": "news"}


@lru_cache(maxsize=1)
def claimant_stems() -> dict[str, frozenset[str]]:
    """Stem of each word of ``CLAIMANTS`` -> the kinds of claimant it names."""
    from aggregator.stories._text import stem

    out: dict[str, set[str]] = {}
    for kind, words in CLAIMANTS.items():
        for w in words:
            out.setdefault(stem(w), set()).add(kind)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def dictionary_stems() -> frozenset[str]:
    """Stems of the shipped common English words (``data/common_words.txt``): a title's
    subject that is one of them and only opens a sentence ("Authors sue Lumen Labs",
    "Welcoming Tomas Reyes") may be no name at all, so it vetoes nothing."""
    from aggregator.stories._text import stem

    path = DATA / "common_words.txt"
    if not path.exists():
        return frozenset()
    lines = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(stem(w) for w in lines if w and not w.startswith("#") and " " not in w)
