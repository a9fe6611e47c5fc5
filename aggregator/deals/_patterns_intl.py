"""Deal rules for stories in French, German, Spanish, Portuguese and Italian.

Same machinery as the English rules (``_patterns``): each rule reads the *masked* sentence
(money phrases are runs of ``§``), names the side of the trigger that holds each party, and
lists the lower-case keys one of which every match contains (a key may take the space before
or after the match: " crean"), so a sentence without one of them never runs the rule's
regex. The keys are looked for only in a sentence that may be in one of these languages
(``_lexicon.may_be_foreign``: a letter outside ASCII or one of their commonest words), so an
English sentence pays one look, not a check per key. The rules are appended to
``_patterns.RULES``: at one position an English rule wins.

Rule names end in the language's code: ``raises-fr``, ``acquires-de``, ``partners-es``
(a Spanish rule also reads the Portuguese and Italian forms it shares: "compra").
A sentence is read in the language ``_lexicon.language`` gives it; these rules also bring
their own words for the right-hand stop (``INTL_RIGHT_STOP``), generic targets ("une
start-up", "fintech mexicana"), the parties named after the target ("par", "von", "a"),
non-deal cues (``INTL_NON_DEAL``, ``INTL_HARD_NON_DEAL``) and, since the M&A model read only
English, the signs of companies a deal needs instead (``COMPANY_SIGN``).
"""

from __future__ import annotations

import re

from ._trigger import Rule, make_rule

_I = re.IGNORECASE
M = r"§+"  # a deal amount
_PCT_FR = r"\d+(?:[.,]\d+)?\s?(?:%|pour\s?cent)"
_PCT_DE = r"\d+(?:[.,]\d+)?\s?(?:%|Prozent)"
_PCT_ES = r"\d+(?:[.,]\d+)?\s?(?:%|por\s+ciento)"
_PCT_PT = r"\d+(?:[.,]\d+)?\s?(?:%|por\s+cento)"
_PCT_IT = r"\d+(?:[.,]\d+)?\s?(?:%|per\s+cento)"
# Not a round: "décroche 100 M€ de commandes", "erhält § Förderung", "capta § en deuda".
_NOT_ROUND = (
    r"(?!\s+(?:[\w'’-]+\s+){0,3}?(?:contrats?|commandes?|chiffre|revenus?|ventes|b[ée]n[ée]fices?"
    r"|subventions?|pr[êe]ts?|dette|Auftr[äa]ge?n?|Umsatz|Gewinne?|Förder\w*|Kredite?|Darlehen"
    r"|Subventionen|contratos?|pedidos|ingresos|ventas|beneficios?|deuda|pr[ée]stamos?"
    r"|subvenci[oó]n|receitas?|vendas|lucros?|d[íi]vidas?|empr[ée]stimos?|contratti|ordini"
    r"|ricavi|fatturato|utili|debito|prestiti?)\b)"
)
# A scaled number written without its currency ("capta 20 millones", "investe 100 milioni in"):
# a deal's trigger, though no amount.
_BARE = (
    r"(?:\d+(?:[.,]\d+)?\s+(?:milioni|miliardi|millions?|milliards?|millones|mil\s+millones"
    r"|milh(?:ões|oes)|bilh(?:ões|oes|ão|ao)|Millionen|Milliarden|Mio\.?|Mrd\.?)(?=\s|$))"
)


def _r(
    name: str,
    type_: str,
    pattern: str,
    left: str | None,
    right: str | None,
    keys: str,
    **options: bool | str | None,
) -> Rule:
    """A rule of another language; ``keys``: its pre-check substrings, separated by "|"
    (a key may hold a space)."""
    lang = name.rsplit("-", 1)[1]
    return make_rule(
        name,
        type_,
        pattern,
        left,
        right,
        keys=tuple(keys.split("|")),
        lang=lang,
        **options,  # type: ignore[arg-type]
    )


INTL_RULES: tuple[Rule, ...] = (
    # ================================================================ IPO
    _r(
        "ipo-fr",
        "ipo",
        r"\b(?:(?:entr[ée]e|introduction|arriv[ée]e|cotation|premiers\s+pas|d[ée]buts?)\s+en\s+Bourse"
        r"|s'\s?introdui(?:t|re|ra|sent)\s+en\s+Bourse|d[ée]bute\s+en\s+Bourse"
        r"|(?:entre|entrera|entrer)\s+en\s+Bourse)\b",
        "issuer",
        None,
        "en bourse",
        needs_right=False,
    ),
    _r(
        "ipo-de",
        "ipo",
        r"\b(?:Börsengang|geh(?:t|en|e)\s+an\s+die\s+Börse|an\s+die\s+Börse\s+(?:gehen|bringen|streben)"
        r"|Börsendebüt|Börsenstart|Erstnotiz|Börsenpläne)\b",
        "issuer",
        None,
        "börse|erstnotiz",
        needs_right=False,
    ),
    _r(
        "ipo-es",
        "ipo",
        r"\b(?:salida\s+a\s+Bolsa|(?:sale|saldrá|salió|salir|saldría)\s+a\s+Bolsa"
        r"|debut(?:a|ó)?\s+en\s+Bolsa|estreno\s+(?:en\s+Bolsa|bursátil)|oferta\s+pública\s+de\s+venta"
        r"|oferta\s+pública\s+inicial)\b",
        "issuer",
        None,
        " bolsa|oferta pública|bursátil",
        needs_right=False,
    ),
    _r(
        "ipo-pt",
        "ipo",
        r"\b(?:abertura\s+de\s+capital|estreia\s+na\s+(?:Bolsa|B3|Nasdaq|Nyse)|abre\s+(?:o\s+)?capital"
        r"|oferta\s+pública\s+inicial)\b",
        "issuer",
        None,
        "de capital|estreia|abre capital|abre o capital|oferta pública",
        needs_right=False,
    ),
    _r(
        "ipo-it",
        "ipo",
        r"\b(?:quotazione\s+(?:in\s+Borsa|a\s+Piazza\s+Affari|sul\s+Nasdaq)"
        r"|(?:sbarca|debutta|approda)\s+(?:in\s+Borsa|a\s+Piazza\s+Affari|sul\s+Nasdaq)"
        r"|offerta\s+pubblica\s+iniziale)\b",
        "issuer",
        None,
        "quotazione|sbarca|debutta|approda|offerta pubblica",
        needs_right=False,
    ),
    # ================================================================ joint venture
    _r(
        "joint-venture-fr",
        "joint-venture",
        r"\b(?:co-?entreprise|soci[ée]t[ée]\s+commune|filiale\s+commune|entreprise\s+commune)\b",
        "partner",
        "partner",
        "entreprise|commune",
        needs_right=False,
    ),
    _r(
        "joint-venture-de",
        "joint-venture",
        r"\b(?:Gemeinschaftsunternehmen|gemeinsame[sn]?\s+(?:Unternehmen|Firma|Tochter\w*"
        r"|Gesellschaft))\b",
        "partner",
        "partner",
        "gemeinsam|gemeinschaft",
        needs_right=False,
    ),
    _r(
        "joint-venture-es",
        "joint-venture",
        r"\b(?:(?:empresa|sociedad|compañía)\s+conjunta|empresa\s+(?:em\s+)?conjunto"
        r"|(?:societ[àa]|impresa)\s+comune)\b",
        "partner",
        "partner",
        "conjunt|comune",
        needs_right=False,
    ),
    _r(
        "jv-plural-fr",
        "joint-venture",
        r"\b(?:cr[ée]ent|lancent|fondent|forment|montent|constituent)\s+(?:une\s+|un\s+)?"
        r"(?:[\w'-]+\s+){0,3}?(?:co-?entreprise|soci[ée]t[ée]\s+commune|filiale\s+commune"
        r"|joint[- ]venture|fonds)\b",
        "partner",
        "partner",
        "créent|creent|lancent|fondent|forment|montent|constituent",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _r(
        "jv-plural-de",
        "joint-venture",
        r"\b(?:gründen|starten|bilden)\s+(?:ein\s+|eine[n]?\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:Gemeinschaftsunternehmen|Joint\s+Venture|Joint-Venture|Fonds|Unternehmen|Firma)\b",
        "partner",
        "partner",
        "gründen|starten|bilden",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _r(
        "jv-plural-es",
        "joint-venture",
        r"\b(?:crean|lanzan|fundan|constituyen|forman|criam|lançam|fundam|formam|costituiscono"
        r"|creano|lanciano)\s+(?:una\s+|un\s+|uma\s+|um\s+)?(?:[\w-]+\s+){0,3}?(?:empresa\s+conjunta"
        r"|sociedad\s+conjunta|joint[- ]venture|fondo|fundo|empresa|societ[àa]\s+comune)\b",
        "partner",
        "partner",
        " crean| lanzan| fundan| constituyen| forman| criam| lançam| fundam| formam| costituiscono"
        "| creano| lanciano",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    # ================================================================ licensing
    _r(
        "licensing-fr",
        "licensing",
        r"\b(?:accord|contrat)\s+de\s+licence\b|\b(?:conc[èe]de|accorde)\s+(?:une\s+)?licence\b",
        "licensee",
        "licensor",
        "de licence|une licence|accorde licence|concède licence|concede licence",
        needs_right=False,
    ),
    _r(
        "licensing-de",
        "licensing",
        r"\bLizenz(?:vertrag|abkommen|vereinbarung|deal)\b|\blizenziert\b",
        "licensee",
        "licensor",
        "lizenz",
        needs_right=False,
    ),
    _r(
        "licensing-es",
        "licensing",
        r"\b(?:acuerdo|contrato)\s+de\s+licencia(?:s|miento)?\b|\b(?:acordo|contrato)\s+de\s+"
        r"licenciamento\b|\baccordo\s+di\s+licenza\b",
        "licensee",
        "licensor",
        "de licencia|de licenciamento|di licenza",
        needs_right=False,
    ),
    # ================================================================ investment (stake)
    _r(
        "stake-fr",
        "investment",
        rf"\b(?:prend|prennent|a\s+pris|prendra|acqui[eè]r(?:t|ent)|rach[èe]te|monte|mont[ée])\s+"
        rf"(?:une\s+|un\s+)?(?:nouvelle\s+)?(?:participation|{_PCT_FR})\s+(?:minoritaire\s+"
        rf"|majoritaire\s+|de\s+{_PCT_FR}\s+|de\s+{M}\s+)?(?:dans|au\s+capital\s+d(?:e|u)\b"
        r"|d(?:e|u)\b|de\s+l'|d')"
        r"|\b(?:entre|entrent|entr[ée]|monte)\s+au\s+capital\s+d(?:e\b|u\b|')",
        "investor",
        "target",
        "participation minoritaire|participation majoritaire|participation de|participation dans"
        "|participation au|participation d'|participation du|au capital|%|pour cent|pourcent",
    ),
    _r(
        "invests-fr",
        "investment",
        rf"\b(?:investi(?:t|ssent|ra|ront|rait)|a\s+investi|injecte(?:nt)?)\s+(?:(?:massivement|encore"
        rf"|à\s+nouveau)\s+)?(?:{M}\s+|{_BARE}\s+)?(?:dans|chez)\b",
        "investor",
        "target",
        "investit|investissent|investira|a investi|injecte",
    ),
    _r(
        "stake-de",
        "investment",
        rf"\b(?:beteilig(?:t|en|te)\s+sich\s+(?:(?:mit\s+)?{M}\s+)?(?:an|bei|am)"
        rf"|steig(?:t|en)\s+(?:(?:mit\s+)?{M}\s+)?(?:bei|beim)"
        r"|(?:übernimmt|übernehmen|erwirbt|erwerben|kauft|kaufen|hält|sichert\s+sich)\s+"
        r"(?:eine[n]?\s+)?(?:Minderheits|Mehrheits)?(?:beteiligung|anteile?)\s+(?:an|von|bei|am)"
        rf"|(?:übernimmt|erwirbt|kauft|hält)\s+{_PCT_DE}\s+(?:an|von|der|des|am))\b",
        "investor",
        "target",
        "beteilig|steigt|steigen|anteil|prozent|%",
    ),
    _r(
        "invests-de",
        "investment",
        rf"\b(?:investier(?:t|en|te|ten)|pump(?:t|en))\s+(?:(?:weitere|erneut|massiv)\s+)?"
        rf"(?:{M}\s+|{_BARE}\s+)?in\b",
        "investor",
        "target",
        "investier|pumpt|pumpen",
    ),
    _r(
        "stake-es",
        "investment",
        r"\b(?:entra(?:rá|n)?|entró)\s+en\s+el\s+capital\s+de\b"
        r"|\b(?:toma(?:n)?|tomó|adquiere(?:n)?|adquirió|compra(?:n)?|compró)\s+(?:una\s+|un\s+)?"
        rf"(?:participación|{_PCT_ES})\s+(?:(?:minoritaria|mayoritaria|del?\s+{_PCT_ES})\s+)?"
        r"(?:en|de|del)\b",
        "investor",
        "target",
        "el capital|participación|%|ciento",
    ),
    _r(
        "invests-es",
        "investment",
        rf"\b(?:invierte(?:n)?|invirtió|invertirá|inyecta(?:n)?|inyectó)\s+(?:(?:otros|unos)\s+)?"
        rf"(?:{M}\s+|{_BARE}\s+)?en\b",
        "investor",
        "target",
        "invierte|invirtió|invertirá|inyecta|inyectó",
    ),
    _r(
        "stake-pt",
        "investment",
        r"\b(?:compra(?:m)?|comprou|adquire(?:m)?|adquiriu|fica\s+com)\s+(?:uma\s+)?(?:fatia|"
        rf"participação|{_PCT_PT})\s+(?:(?:minoritária|majoritária|de\s+{_PCT_PT})\s+)?"
        r"(?:em|na|no|da|do)\b|\bentra(?:m)?\s+no\s+capital\s+d[aeo]\b",
        "investor",
        "target",
        "fatia|participação|%|cento|no capital",
    ),
    _r(
        "invests-pt",
        "investment",
        rf"\b(?:investe(?:m)?|investiu|investirá|aporta(?:m)?|aportou)\s+(?:mais\s+)?"
        rf"(?:{M}\s+|{_BARE}\s+)?(?:em|no|na|nos|nas)\b",
        "investor",
        "target",
        "investe |investem|investiu|investirá|aporta|aportou",
    ),
    _r(
        "stake-it",
        "investment",
        r"\b(?:rileva|acquisisce|acquista|compra|prende)\s+(?:una\s+|il\s+)?(?:quota|partecipazione"
        rf"|{_PCT_IT})\s+(?:(?:di\s+minoranza|di\s+maggioranza|del\s+{_PCT_IT})\s+)?(?:di|in|nel"
        r"|nella|della|del)\b|\bentra\s+nel\s+capitale\s+di\b",
        "investor",
        "target",
        "quota|partecipazione|%|cento|nel capitale",
    ),
    _r(
        "invests-it",
        "investment",
        rf"\b(?:investe|investono|ha\s+investito|investirà)\s+(?:{M}\s+|{_BARE}\s+)?(?:(?:in|nel|nella)\b"
        r"|nell')",
        "investor",
        "target",
        "investe |investono|ha investito|investirà",
    ),
    # ================================================================ funding
    _r(
        "raises-fr",
        "funding",
        r"\b(?:lève(?:nt|rait|ra)?|a\s+levé|ont\s+levé|lever|obtient|a\s+obtenu|décroche"
        r"|a\s+décroché|sécurise|récolte|empoche|engrange|réunit|rassemble|boucle|a\s+bouclé)\s+"
        rf"(?:{M}(?!§){_NOT_ROUND}|{_BARE}{_NOT_ROUND}|des\s+fonds\b)"
        r"|\b(?:boucle|a\s+bouclé|bouclent|finalise|annonce|réalise|clôture|clôt|officialise"
        r"|complète)\s+(?:une\s+|un\s+|sa\s+|son\s+)?(?:nouvelle\s+|nouveau\s+|première?\s+"
        r"|premier\s+|deuxième\s+|seconde?\s+|importante?\s+|grosse\s+|méga\s*-?\s*)?(?:levée"
        r"|tour\s+de\s+(?:table|financement)|série\s+[a-k]\b|tour\s+d'\s?amorçage)",
        "target",
        None,
        "lève|levé|lever |obtient|obtenu|décroch|sécurise|récolte|empoche|engrange|réunit"
        "|rassemble|boucl|finalise|annonce|réalise|clôt|officialise|complète",
        needs_right=False,
    ),
    _r(
        "raises-de",
        "funding",
        r"\b(?:(?:sammel(?:t|n|te|ten)|erh[äa]lt|erhielt|erhalten|bekommt|bekam|holt(?:e|en)?"
        r"(?:\s+sich)?|sicher(?:t|te|n)\s+sich|wirbt|warb"
        r"|ergatter(?:t|te))\s+(?:(?:weitere|frische[sn]?|neue[sn]?|zusätzliche)\s+)?"
        rf"(?:{M}(?!§)|{_BARE}){_NOT_ROUND}"
        r"|sammel(?:t|n|te|ten)\s+(?:frisches\s+)?(?:Geld|Kapital)\s+ein"
        r"|schlie(?:ß|ss)(?:t|en)\s+(?:eine\s+|seine\s+|ihre\s+|die\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:Finanzierungsrunde|Seed-Runde|Serie-[A-K]-Runde|Series-[A-K]-Runde|Investitionsrunde"
        r"|Wachstumsrunde)"
        r"|(?:Finanzierungsrunde|Investitionsrunde|Seed-Runde|Finanzierung|Kapitalspritze)\s+"
        rf"(?:über|von|in\s+Höhe\s+von)\s+(?:bis\s+zu\s+)?{M})",
        "target",
        None,
        "sammel|erhält|erhalt|erhielt|bekam|bekommt|holt|sichert sich|sicherte sich|sichern sich"
        "|wirbt|warb|ergatter|runde|finanzierung|kapitalspritze",
        needs_right=False,
    ),
    _r(
        "raises-es",
        "funding",
        r"\b(?:(?:capta(?:n|rá)?|captó|recaud(?:a|an|ó|ará)|levanta(?:n|rá)?|levantó|obtien(?:e|en)"
        r"|obtuvo|consigu(?:e|en|ió)|logr(?:a|an|ó)|reún(?:e|en)|reunió|atrae(?:n)?|atrajo"
        r"|asegura(?:n)?|aseguró|cierra(?:n)?|cerró)\s+(?:(?:otros|unos)\s+)?"
        rf"(?:{M}(?!§)|{_BARE}){_NOT_ROUND}"
        r"|(?:cierra|cerró|completa|completó|anuncia|anunció|culmina|culminó)\s+(?:una\s+|su\s+)?"
        r"(?:nueva\s+|primera\s+|segunda\s+|gran\s+)?ronda(?:\s+de\s+(?:financiación|inversión"
        r"|capital))?)",
        "target",
        None,
        "capta|captó|recaud|levanta|levantó|obtien|obtuvo|consigu|logra|logran|logró|reún|reunió"
        "|atrae|atrajo|asegur|cierra|cerró|ronda",
        needs_right=False,
    ),
    _r(
        "raises-pt",
        "funding",
        r"\b(?:(?:capta(?:m)?|captou|levanta(?:m)?|levantou|arrecada(?:m)?|arrecadou|obtém|obtem"
        r"|obteve|consegue|conseguiu|atrai|atraiu|recebe(?:m)?|recebeu)\s+(?:mais\s+)?"
        rf"(?:{M}(?!§)|{_BARE}){_NOT_ROUND}"
        r"|(?:recebe(?:m)?|recebeu|anuncia(?:m)?|anunciou)\s+(?:um\s+|novo\s+)?(?:aporte|investimento)"
        r"\b(?:\s+de)?"
        r"|(?:fecha(?:m)?|fechou|conclui|concluiu|anuncia(?:m)?|anunciou|capta|levanta)\s+(?:uma\s+|"
        r"sua\s+|nova\s+)?(?:nova\s+|primeira\s+|segunda\s+)?rodada(?:\s+de\s+(?:investimento"
        r"|financiamento|captação))?)",
        "target",
        None,
        "capta|captou|levanta|levantou|arrecad|obtém|obtem|obteve|consegu|atrai|receb|aporte"
        "|investimento|rodada",
        needs_right=False,
    ),
    _r(
        "raises-it",
        "funding",
        r"\b(?:(?:raccoglie|raccolgono|ha\s+raccolto|incassa|ottiene|ha\s+ottenuto)\s+"
        rf"(?:{M}(?!§)|{_BARE}){_NOT_ROUND}"
        r"|(?:chiude|ha\s+chiuso|annuncia|completa)\s+(?:un\s+|il\s+)?(?:nuovo\s+|primo\s+)?(?:round"
        r"|aumento\s+di\s+capitale)"
        rf"|round\s+(?:di\s+(?:finanziamento|investimento|serie\s+[a-k])\s+)?da\s+{M})",
        "target",
        None,
        "raccol|raccogl|incassa|ottien|ottenuto|chiude|chiuso|annuncia|completa|round da|round di",
        needs_right=False,
    ),
    # ================================================================ acquisition
    _r(
        "acquired-by-fr",
        "acquisition",
        r"\b(?:(?:a\s+été|est|sera|va\s+être|vient\s+d'\s?être)\s+)?"
        rf"(?:rachetée?s?|acquise?s?|cédée?s?|absorbée?s?)\s+(?:pour\s+{M}\s+)?(?:par|à)\b"
        r"|\bse\s+(?:fait|font)\s+(?:racheter|absorber|avaler)\s+par\b"
        r"|\bpass(?:e|ent|era)\s+sous\s+(?:le\s+)?(?:pavillon|contrôle|drapeau|bannière|coupe)\b"
        r"(?:\s+(?:de\b|d'|du\b))?"
        r"|\b(?:pass(?:e|ent)|tombe(?:nt)?|entre(?:nt)?|rentre)\s+dans\s+(?:le\s+giron|l'\s?escarcelle"
        r"|le\s+portefeuille)\s+(?:de\b|d'|du\b)"
        r"|\b(?:rejoint|rejoignent|rejoindra)\s+le\s+groupe\b",
        "target",
        "acquirer",
        "racheté|acquis par|acquise par|acquises par|acquis pour|acquise pour|acquis à|acquise à"
        "|acquises pour|acquises à|cédé|absorbé|se fait|se font|passe sous|passent sous"
        "|passera sous|giron|escarcelle|portefeuille|rejoint|rejoignent|rejoindra",
    ),
    _r(
        "acquires-fr",
        "acquisition",
        r"\b(?:(?:rachète(?:nt|ra|rait)?|a\s+racheté|racheter|acquiert|acquièrent|a\s+acquis"
        r"|acquérir|acquerra|s'\s?offre(?:nt)?(?!\s+les\s+services)|se\s+pa[iy]e(?:nt)?"
        r"|met(?:tent|tra)?\s+la\s+main\s+sur"
        r"|avale(?:nt)?|absorbe(?:nt)?|reprend|a\s+repris)\b"
        r"|s'\s?empare(?:nt)?\s+(?:de\b|du\b|d')"
        r"|(?:fait|annonce|finalise|boucle|officialise|conclut|négocie|envisage|étudie|prépare|lance"
        r"|réalise)\s+(?:le\s+rachat|l'\s?acquisition|la\s+reprise)\s+(?:de\b|du\b|d'))"
        r"(?!\s*(?:de\s+|d'\s?|des\s+)?(?:ses\s+|leurs\s+)?(?:propres\s+)?actions)",
        "acquirer",
        "target",
        "rachète|racheté|racheter|acquiert|acquièrent|a acquis|acquérir|acquerra|s'offre|s' offre"
        "|se pai|se pay|la main|empare|avale|absorbe|reprend|repris|le rachat|l'acquisition"
        "|l' acquisition|la reprise",
    ),
    _r(
        "sale-of-fr",
        "acquisition",
        r"\b(?:rachat|acquisition|reprise)\s+(?:de\b|du\b|d')"
        r"(?!\s*(?:ses\s+|leurs\s+)?(?:propres\s+)?actions)",
        "acquirer",
        "target",
        "rachat|acquisition de|acquisition du|acquisition d'|reprise",
        strong=False,
    ),
    _r(
        "sells-fr",
        "acquisition",
        r"\b(?:cède(?:nt|ra)?|a\s+cédé|vend(?:ent|ra)?|a\s+vendu)\s+(?:sa\s+|son\s+|ses\s+|"
        r"leur\s+)?(?:[\w-]+\s+){0,2}?(?:filiale|division|activités?|branche|unité|participation"
        r"|pôle|métier)\b",
        "seller",
        "target",
        "cède|cèdent|cédera|a cédé|vend |vendent|vendra|a vendu",
        needs_right=False,
    ),
    _r(
        "acquired-by-de",
        "acquisition",
        r"\b(?:wird|wurde|werden|wurden|soll|sollen)\s+(?:[\w-]+\s+)?von\s+(?:[\w.&'-]+\s+){1,4}?"
        r"(?:übernommen|gekauft|geschluckt|erworben|akquiriert)\b"
        r"|\bschlüpf(?:t|en)\s+unter\s+das\s+Dach\s+von\b",
        "target",
        None,
        "übernommen|gekauft|geschluckt|erworben|akquiriert|das dach",
        needs_right=False,
        inside="acquirer",
    ),
    _r(
        "acquires-de",
        "acquisition",
        r"\b(?:übernimmt|übernahm|übernehmen|übernehme|kauft|kaufte|kaufen|schluck(?:t|te|en)"
        r"|erwirbt|erwarb|erwerben|akquirier(?:t|te|en)|verleib(?:t|en)\s+sich)\b"
        r"(?!\s+(?:(?:die|den|das|eine[n]?)\s+)?(?:Führung|Verantwortung|Leitung|Vorsitz|Kosten"
        r"|Aktien|Chips|Anteile|Aktienpaket|Staatsanleihen|Rechenleistung|Kapazitäten|Strom)\b)",
        "acquirer",
        "target",
        "übernimmt|übernahm|übernehm|kauft|kaufte|kaufen|schluck|erwirbt|erwarb|erwerben"
        "|akquirier|verleib",
    ),
    _r(
        "sale-of-de",
        "acquisition",
        r"\b(?:Übernahme(?:gespräche|verhandlungen|angebot|offerte|pläne|kampf)?|Kauf)\s+"
        r"(?:von|des|der|mit|für)\b",
        "acquirer",
        "target",
        "übernahme|kauf von|kauf des|kauf der",
        strong=False,
    ),
    _r(
        "sells-de",
        "acquisition",
        r"\bverkauf(?:t|te|en)\s+(?:seine\s+|ihre\s+|die\s+|den\s+|das\s+)?(?:[\w-]+\s+){0,2}?"
        # (a compound names the unit: "Sicherheitssparte", "Softwaretochter")
        r"(?:\w+-)?\w*(?:Tochter\w*|[Ss]parte|Geschäft\w*|Beteiligung|Anteile?|Einheit|Division)\b",
        "seller",
        "target",
        "verkauf",
        needs_right=False,
    ),
    _r(
        "acquired-by-es",
        "acquisition",
        r"\b(?:(?:es|fue|será|ha\s+sido|é|foi|è|viene|sarà|è\s+stata|è\s+stato)\s+)?"
        r"(?:comprad[ao]|adquirid[ao]|absorbid[ao]|vendid[ao]|acquisit[ao]|rilevat[ao]|comprat[ao]"
        rf"|cedut[ao]|vendut[ao])\s+(?:por\s+{M}\s+|per\s+{M}\s+)?(?:por|pel[ao]|a|para|ao|à|da|dal"
        r"|dalla|al)\b"
        r"|\b(?:pasa|pasará|cae)\s+(?:a\s+|en\s+)?manos\s+de\b"
        r"|\bpassa\s+(?:às\s+mãos|ao\s+controle|sotto\s+il\s+controllo)\s+d[aeoi]\w*\b",
        "target",
        "acquirer",
        "comprad|adquirid|absorbid|vendid|acquisita|acquisito|rilevat|comprat|cedut|vendut"
        "|manos de|passa às|passa ao|passa sotto",
    ),
    _r(
        "acquires-es",
        "acquisition",
        r"\b(?:compra(?:n|rá)?|compró|comprar|adquiere(?:n)?|adquirió|adquirirá|adquirir"
        r"|se\s+hace\s+con|se\s+hizo\s+con|se\s+queda\s+con|se\s+quedó\s+con"
        r"|(?:cierra|cerró|completa|completó|culmina|anuncia|anunció|negocia|ultima|estudia|acuerda"
        r"|formaliza|prepara|lanza)\s+la\s+(?:compra|adquisición|absorción)\s+de"
        r"|(?:lanza|presenta|anuncia)\s+una\s+OPA\s+(?:sobre|por))\b"
        r"(?!\s+(?:de\s+)?(?:acciones|chips|energía|electricidad|capacidad|GPUs?)\b)",
        "acquirer",
        "target",
        "compra|compró|adquier|adquiri|adquisición|se hace|se hizo|se qued|absorción|opa sobre"
        "|opa por",
    ),
    _r(
        "acquires-pt",
        "acquisition",
        r"\b(?:compra(?:m|rá)?|comprou|comprar|adquire(?:m)?|adquiriu|adquirirá|adquirir"
        r"|assume\s+o\s+controle\s+d[aeo]|(?:fecha|fechou|conclui|concluiu|anuncia|anunciou|negocia"
        r"|finaliza|acerta|estuda)\s+(?:a\s+)?(?:compra|aquisição)\s+d[aeo]s?)\b"
        r"(?!\s+(?:de\s+)?(?:ações|chips|energia|capacidade|GPUs?)\b)",
        "acquirer",
        "target",
        "compra|comprou|adquir|o controle|aquisição",
    ),
    _r(
        "acquires-it",
        "acquisition",
        r"\b(?:acquisisce|acquisiscono|ha\s+acquisito|acquisirà|acquisire|acquista|ha\s+acquistato"
        r"|rileva|ha\s+rilevato|compra|si\s+compra|(?:chiude|completa|annuncia|perfeziona|finalizza)"
        r"\s+l'\s?acquisizione\s+d[ie]\w*|lancia\s+(?:un'\s?)?OPA\s+su\w*)\b"
        r"(?!\s+(?:di\s+)?(?:azioni|chip|energia|capacità|GPU)\b)",
        "acquirer",
        "target",
        "acquisisc|acquisito|acquisirà|acquisire|acquist|rilev|compra|acquisizione|opa su",
    ),
    _r(
        "sale-of-es",
        "acquisition",
        r"\b(?:compra|adquisición|aquisição|acquisizione)\s+(?:de|del|da|do|di|della|dello|dei)\b"
        r"(?!\s+(?:acciones|ações|azioni|chips|energía|energia|capacidad|capacidade)\b)",
        "acquirer",
        "target",
        "compra|adquisición|aquisição|acquisizione",
        strong=False,
    ),
    _r(
        "sells-es",
        "acquisition",
        r"\b(?:vende(?:n|m|rá|r)?|vendió|vendeu|traspasa|cede)\s+(?:su\s+|sus\s+|sua\s+|seu\s+|la\s+|el\s+"
        r"|a\s+|o\s+|la\s+sua\s+|il\s+suo\s+)?(?:[\w-]+\s+){0,2}?(?:filial|división|divisione"
        r"|negocio|unidad|subsidiária|unidade|negócio|controllata|ramo|participación|participação"
        r"|quota|laboratorio|laboratório)\b",
        "seller",
        "target",
        "vende|vendió|vendeu|traspasa|cede |vender",
        needs_right=False,
    ),
    # ================================================================ merger
    _r(
        "merges-fr",
        "merger",
        r"\b(?:fusionn(?:ent|e|era|eront|er|ant)|(?:projet\s+de\s+)?fusion\s+(?:avec|entre)"
        r"|se\s+rapproche(?:nt)?\s+pour\s+fusionner)\b",
        "partner",
        "partner",
        "fusionn|fusion avec|fusion entre",
        needs_right=False,
    ),
    _r(
        "merges-de",
        "merger",
        r"\b(?:fusionier(?:t|en|te|ten)|Fusion\s+(?:mit|von|zwischen)|verschmel(?:zen|zt)"
        r"|schlie(?:ß|ss)en\s+sich\s+zusammen)\b",
        "partner",
        "partner",
        "fusionier|fusion mit|fusion von|fusion zwischen|verschmel|sich zusammen",
        needs_right=False,
    ),
    _r(
        "merges-es",
        "merger",
        r"\b(?:se\s+fusiona(?:n|rán|rá)?|fusiona(?:n|rán)?|fusión\s+(?:con|entre|de)|se\s+fundem"
        r"|fundem-se|funde-se|fundir-se|fus[ãa]o\s+(?:com|entre)|si\s+fondono|fondersi"
        r"|fusione\s+(?:con|tra|fra))\b",
        "partner",
        "partner",
        "fusiona|fusión|fundem|funde-se|fundir-se|fusão|fusao|fondono|fondersi|fusione",
        needs_right=False,
    ),
    # "Oi e TIM anunciam fusão", "X et Y annoncent leur fusion", "X und Y vollziehen Fusion"
    _r(
        "merge-plural-es",
        "merger",
        r"\b(?:anunciam|concluem|aprovam|acertam|anuncian|cierran|completan|aprueban|acuerdan"
        r"|annunciano|completano|approvano|annoncent|finalisent|bouclent|concluent|officialisent"
        r"|kündigen|vollziehen|beschließen|besiegeln)\s+(?:a\s+|la\s+|su\s+|sua\s+|leur\s+|la\s+loro\s+"
        r"|die\s+|ihre\s+|eine\s+)?(?:fusão|fusión|fusion|fusione|Fusion)\b",
        "partner",
        "partner",
        "fusão|fusión|fusion|fusione",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    # ================================================================ partnership
    _r(
        "partners-fr",
        "partnership",
        r"\b(?:s'\s?associe(?:nt|ra)?\s+(?:à|a|avec)|s'\s?allie(?:nt|ra)?\s+(?:à|a|avec)"
        r"|(?:sign|scell|conclu|annonc|officialis|renouvel|renforc|étend|approfondi|prolong"
        r"|concrétis|nou)\w*\s+(?:un\s+|une\s+|leur\s+|son\s+|sa\s+|l'\s?)(?:nouvel\s+"
        r"|nouveau\s+|nouvelle\s+|vaste\s+|large\s+|grand\s+|important\s+|premier\s+)?"
        r"(?:partenariat|accord|alliance|contrat|protocole\s+d'\s?accord|mémorandum)"
        r"|partenariat\s+(?:[\w-]+\s+){0,2}?(?:avec|entre)|alliance\s+(?:[\w-]+\s+)?(?:avec|entre)"
        r"|accord\s+(?:[\w-]+\s+){0,3}?(?:avec|entre)"
        r"|collabor(?:e|ent|era|eront)\s+avec|coopèr(?:e|ent)\s+avec|coopérera\s+avec"
        r"|travaill(?:e|ent|eront)\s+(?:main\s+dans\s+la\s+main\s+)?avec|font\s+alliance"
        r"|main\s+dans\s+la\s+main\s+avec)\b"
        r"(?!\s+(?:de|d'|pour)\s*(?:le\s+|la\s+|l'\s?)?(?:rachat|acquisition|acquérir"
        r"|racheter|fusion|fusionner|cession|céder|vente|vendre|licence|licences)\b)",
        "partner",
        "partner",
        "s'associe|s' associe|s'allie|s' allie|partenariat|alliance|accord |un accord|leur accord"
        "|son accord|l'accord|l' accord|nouvel accord|nouveau accord|vaste accord|large accord"
        "|grand accord|important accord|premier accord|contrat|protocole|mémorandum|collabore"
        "|coopère|coopérera|travaill|main dans la main",
        needs_right=False,
    ),
    _r(
        "partner-plural-fr",
        "partnership",
        r"\b(?:s'\s?associent|s'\s?allient|collaborent|coopèrent|s'\s?unissent"
        r"|unissent\s+leurs\s+forces|font\s+cause\s+commune|travaillent\s+ensemble"
        r"|(?:lancent|créent|ouvrent|annoncent|inaugurent|dévoilent|forment|montent)\s+"
        r"(?:[\w'-]+\s+){0,5}?(?:initiative|programme|projet|laboratoire|labo|centre|alliance"
        r"|consortium|partenariat|coalition|offre\s+commune|collaboration)"
        r"|(?:déploient|développent|construisent|apportent|amènent|proposent)\s+"
        r"(?:ensemble|conjointement)|s'\s?engagent\s+ensemble)\b",
        "partner",
        "partner",
        "associent|allient|collaborent|coopèrent|unissent|cause commune|ensemble|lancent|créent"
        "|ouvrent|annoncent|inaugurent|dévoilent|forment|montent|conjointement",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _r(
        "partners-de",
        "partnership",
        r"\b(?:kooperier(?:t|en|te|ten)\s+(?:künftig\s+|eng\s+|nun\s+|jetzt\s+|ab\s+sofort\s+)*mit"
        r"|(?:Partnerschaft|Kooperation|Zusammenarbeit|Allianz|Vereinbarung|Abkommen|Deal|Vertrag"
        r"|Liefervertrag|Rahmenvertrag)\s+mit"
        r"|(?:geh(?:t|en)|ging(?:en)?)\s+(?:eine\s+)?(?:[\w-]+\s+)?(?:Partnerschaft|Kooperation|Allianz)"
        r"|(?:schlie(?:ß|ss)(?:t|en)|vereinbar(?:t|en)|unterzeichn(?:et|en)|besiegel(?:t|n)"
        r"|verkünd(?:et|en)|vertief(?:t|en)|erweiter(?:t|n)|verlänger(?:t|n)|unterschreib(?:t|en))\s+"
        r"(?:eine\s+|einen\s+|ein\s+|ihre\s+|seine\s+|die\s+|den\s+)?(?:[\w-]+\s+)?(?:Partnerschaft"
        r"|Kooperation|Allianz|Vereinbarung|Abkommen|Absichtserklärung|Vertrag|Liefervertrag"
        r"|Zusammenarbeit|Rahmenvertrag)"
        r"|arbeite(?:t|n)\s+(?:künftig\s+|eng\s+|nun\s+)*(?:mit\s+[^,;:]{1,40}?\s+)?zusammen"
        r"|spann(?:t|en)\s+(?:mit\s+[^,;:]{1,40}?\s+)?zusammen"
        r"|verbünde(?:t|n)\s+sich(?:\s+mit)?)\b"
        r"(?!\s+(?:zur|zum|für\s+die)\s+(?:Übernahme|Fusion|Kauf|Verkauf))",
        "partner",
        "partner",
        "kooperier|partnerschaft|kooperation|zusammen|allianz|vereinbar|abkommen|deal mit"
        "|vertrag|verbünde|absichtserklärung",
        needs_right=False,
    ),
    _r(
        "partner-plural-de",
        "partnership",
        r"\b(?:bringen\s+(?:[\w-]+\s+){1,4}?(?:in|nach|zu|an|auf)\b(?!\s+den\s+Markt)|kooperieren"
        r"|verbünden\s+sich|arbeiten\s+zusammen|[a-zäöüß]+en\s+gemeinsam|gemeinsam)\b",
        "partner",
        "partner",
        "bringen|kooperieren|verbünden|zusammen|gemeinsam",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _r(
        "partners-es",
        "partnership",
        r"\b(?:se\s+al[ií](?:a|an|ó|aron|ará|arán)\s+con|se\s+asocia(?:n|rá)?\s+con|se\s+une\s+a"
        r"|(?:firm|sell|cierr|cerr|alcanz|suscrib|anunci|renuev|renov|ampli|refuerz|reforz|extiend"
        r"|rubric)\w*\s+(?:un\s+|una\s+|su\s+)?(?:nuevo\s+|nueva\s+|gran\s+|primer\s+)?(?:[\w-]+\s+)?"
        r"(?:alianza|acuerdo|contrato|asociación|memorando|colaboración|convenio|pacto)"
        r"|(?:alianza|acuerdo|asociación|colaboración|convenio)\s+(?:[\w-]+\s+){0,2}?(?:con|entre)"
        r"|colabora(?:n|rá|rán)?\s+con|trabajará(?:n)?\s+con)\b"
        r"(?!\s+(?:para|de)\s+(?:la\s+)?(?:compra|adquisición|adquirir|comprar|fusión|fusionarse"
        r"|venta|vender|licencia|licencias|licenciamiento)\b)",
        "partner",
        "partner",
        "se alí|se ali|asocia|se une a|alianza|acuerdo|contrato|asociación|memorando|colabora"
        "|convenio|pacto|trabajará",
        needs_right=False,
    ),
    _r(
        "partner-plural-es",
        "partnership",
        r"\b(?:se\s+al[ií]an|se\s+asocian|colaboran|unen\s+(?:sus\s+)?fuerzas|se\s+unen\s+para"
        r"|(?:llevan|llevarán)\s+(?:[\w-]+\s+){1,4}?(?:a|al|hasta)\b"
        r"|(?:impulsan|desarrollan|desarrollarán|despliegan|crean|lanzan)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:juntos|conjuntamente|en\s+conjunto))\b",
        "partner",
        "partner",
        "se alían|se alian|asocian|colaboran|fuerzas|se unen|llevan|llevarán|juntos|conjunt",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _r(
        "partners-pt",
        "partnership",
        r"\b(?:(?:fech|firm|assin|anunci|celebr|sel|ampli|renov|estend)\w*\s+(?:uma\s+|um\s+|nova\s+"
        r"|novo\s+)?(?:[\w-]+\s+)?(?:parceria|acordo|contrato|aliança|memorando|colaboração|convênio)"
        r"|(?:parceria|acordo|aliança|colaboração)\s+(?:[\w-]+\s+){0,2}?(?:com|entre)"
        r"|faz(?:em)?\s+parceria|se\s+une\s+(?:a|à|ao|com)|se\s+alia\s+(?:a|à|ao|com)"
        r"|colabora(?:m|rá)?\s+com)\b"
        r"(?!\s+(?:para|de)\s+(?:a\s+)?(?:compra|aquisição|adquirir|comprar|fusão|venda|vender"
        r"|licenciamento|licença)\b)",
        "partner",
        "partner",
        "parceria|acordo|contrato|aliança|memorando|colaboração|convênio|se une|se alia|colabora",
        needs_right=False,
    ),
    _r(
        "partner-plural-pt",
        "partnership",
        r"\b(?:se\s+unem|se\s+aliam|unem\s+forças|colaboram|levam\s+(?:[\w-]+\s+){1,4}?(?:a|ao|à|para)\b"
        r"|lançam\s+(?:[\w-]+\s+){0,4}?(?:iniciativa|programa|projeto|laboratório|centro|aliança)"
        r"|(?:desenvolvem|impulsionam|criam)\s+(?:[\w-]+\s+){0,4}?(?:juntos|em\s+conjunto"
        r"|conjuntamente))\b",
        "partner",
        "partner",
        "unem|aliam|colaboram|levam|lançam|juntos|conjunt",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
    _r(
        "partners-it",
        "partnership",
        r"\b(?:(?:firm|sigl|sottoscriv|string|annunci|rinnov|rafforz|ampli|stipul)\w*\s+(?:un|una"
        r"|un'|l'|il|la|un\s+nuovo|una\s+nuova)\s*(?:[\w-]+\s+)?(?:accordo|alleanza|intesa"
        r"|contratto|memorandum|collaborazione)"
        r"|(?:accordo|alleanza|intesa|collaborazione)\s+(?:[\w-]+\s+){0,2}?(?:con|tra|fra)"
        r"|partnership\s+(?:strategica\s+)?(?:con|tra|fra)|collabora(?:no)?\s+con|si\s+allea\s+con)\b"
        r"(?!\s+(?:per|di)\s+(?:l'\s?)?(?:acquisizione|acquisire|fusione|cessione|vendita"
        r"|licenza)\b)",
        "partner",
        "partner",
        "accordo|partnership con|partnership tra|partnership fra|partnership strategica|alleanza"
        "|intesa|contratto|memorandum|collaborazione|collabora con|collaborano con|si allea",
        needs_right=False,
    ),
    _r(
        "partner-plural-it",
        "partnership",
        r"\b(?:si\s+alleano|collaborano|uniscono\s+le\s+forze|insieme\s+per"
        r"|(?:portano|sviluppano)\s+(?:[\w-]+\s+){0,4}?insieme)\b",
        "partner",
        "partner",
        "alleano|collaborano|uniscono|insieme",
        needs_right=False,
        plural=True,
        adjacent=True,
    ),
)

INTL_NAMES = frozenset(rule.name for rule in INTL_RULES)

# The English M&A model does not read these languages. In its place, a deal these rules find
# (other than a funding round told by its own verb, "lève", "sammelt", "capta", and an IPO) is
# kept only with a further sign of companies: a gazetteer party, a company word in the story
# ("la start-up", "fintech", "Softwarehersteller", "la tecnológica") or a company ending in a
# party's name ("Foo SAS"); a round told by a verb that only says "gets" ("obtient",
# "erhält", "recebe", "ottiene") needs one too. So "Flamengo compra Pedro por R$ 30 milhões"
# and "Flamengo fecha acordo com Gabigol" (football) are no deals.
GENERIC_FUNDING_VERBS = frozenset(
    """obtient obtenu décroche décroché sécurise récolte empoche engrange réunit rassemble
    erhält erhalt erhielt erhalten bekommt bekam holt holte holten sichert sicherte sichern
    ergattert ergatterte obtiene obtienen obtuvo consigue consiguen consiguió logra logran
    logró reúne reúnen reunió atrae atraen atrajo asegura aseguran aseguró cierra cierran
    cerró obtém obtem obteve consegue conseguiu atrai atraiu recebe recebem recebeu ottiene
    incassa""".split()
)
COMPANY_SIGN = re.compile(
    r"(?i:\b(?:start-?ups?|scale-?ups?|startups?|fintechs?|healthtech|insurtech|proptech|edtech"
    r"|jeune\s+pousse|pépite|licorne|entreprise|société|groupe|éditeur|spécialiste|fabricant"
    r"|empresa|compañía|tecnológica|grupo|plataforma|proveedor|fabricante|desarrolladora"
    r"|companhia|fornecedora|desenvolvedora|azienda|società|gruppo|piattaforma|produttore"
    r"|unicórnio|unicornio|unicorno|banco|banque|banca|filiale|filial|subsidiária|controllata)\b)"
    # German nouns have their capital: "Firma", "Softwarehersteller", "Chipkonzern"
    r"|\b(?:Firma|Bank|Tochter\w*|Softwarehaus|[A-ZÄÖÜ]\w*(?:unternehmen|firma|konzern|hersteller"
    r"|anbieter|spezialist|entwickler|plattform)|Unternehmen|Konzern|Hersteller|Anbieter"
    r"|Spezialist|Entwickler|Plattform)\b"
    r"|\b[A-Z][\w.&-]*\s+(?:SA|S\.A\.|SAS|SE|AG|GmbH|SpA|S\.p\.A\.|Ltda|SL|S\.L\.|Inc|Labs?|AI"
    r"|Technologies|Systems|Robotics|Computing|Software|Capital|Ventures|Partners)\b",
)

# An IPO in these languages ("lève 1 milliard lors de son introduction en Bourse"): a funding
# verb in such a story makes it an IPO, as "IPO" does in English.
INTL_IPO = re.compile("|".join(rule.regex.pattern for rule in INTL_RULES if rule.type == "ipo"), _I)

# Where the names after a trigger end ("rachète Koino pour 20 M€", "übernimmt Foo für …");
# for partners (``INTL_GROUP_STOP``) not at "avec" / "mit" / "con": "signe un accord avec Foo".
INTL_GROUP_STOP = re.compile(
    r"\s(?:pour|par|afin|auprès|dans|contre|apr[èe]s|selon|malgré|sur|für|nach|bei|um"
    r"|laut|trotz|wegen|über|zu|zur|zum|para|por|tras|según|mediante|em|pelo|pela|após"
    r"|apesar|segundo|per|dopo|secondo|nonostante|durante|in\s+(?:einer|einem|una|un)\b)\b"
    r"|[,(\[]",
)
INTL_RIGHT_STOP = re.compile(
    r"\s(?:pour|par|afin|auprès|avec|dans|contre|apr[èe]s|selon|malgré|sur|für|mit|nach|bei|um"
    r"|laut|trotz|wegen|über|zu|zur|zum|para|por|con|tras|según|mediante|em|com|pelo|pela|após"
    r"|apesar|segundo|per|dopo|secondo|nonostante|durante|durch|à|ao|an|al|dal|dalla|de\s+§"
    r"|d['’]\s?§|in\s+(?:einer|einem|una|un)\b)\b|[,(\[]",
)
# What may stand for the target an acquisition names only by its kind ("comprar fintech
# mexicana", "rachète une start-up lyonnaise").
INTL_GENERIC = re.compile(
    r"\s*(?:(?:une?|la|le|l['’]|el|los|las|o|a|um|uma|die|der|das|den|ein(?:e|en)?|il|lo|un['’]"
    r"|una|sa|son|su|sua|seu)\s+)?(?:[\w-]+\s+){0,2}?(?:start-?up|startup|fintech|healthtech"
    r"|empresa|entreprise|soci[ée]t[ée]|firma|unternehmen|compañía|companhia|azienda|tecnol[óo]gica"
    r"|concurrent|rival|competidor|concorrente|filiale|Tochter\w*|filial|subsidiária|plataforma"
    r"|plateforme|plattform|[ée]diteur|fabricant|Hersteller|Anbieter|fabricante|proveedor"
    r"|fornecedor|produttore|banque|banco|Bank|Spezialist|sp[ée]cialiste|especialista"
    r"|desarrolladora|desenvolvedora|Softwarefirma|Softwarehersteller|editora|editorial)\b",
    _I,
)
# Parties named after the target of an acquisition in these languages: the buyer after "par"
# / "por" / "dal" ("le rachat de Koino par Salesforce"); after a buying verb the seller after
# "von" / "à" / "a" / "da" ("kauft Foo von Bar", "rachète Foo à Bar"); after a selling verb
# the buyer after "an" / "à" / "a" / "para" ("verkauft Foo an Bar", "vende su filial a Bar").
_BY = (re.compile(r"\b(?:par|por|pel[ao]|dalla|dal|durch)\s+(?=[A-Z0-9])(.*)"), "acquirer")
INTL_TAIL_BUY = (
    _BY,
    (re.compile(r"(?:\bvon|\bà|\bau|\ba|\bal|\bao|\bda|\bdo)\s+(?=[A-Z0-9])(.*)"), "seller"),
)
INTL_TAIL_SELL = (
    _BY,
    (re.compile(r"(?:\ban|\bà|\bau|\ba|\bal|\bao|\bpara)\s+(?=[A-Z0-9])(.*)"), "acquirer"),
)

# Phrases that make a sentence in one of these languages a non-deal story wherever they are:
# lawsuits, fines, loans and debt, grants, share buybacks, market value.
INTL_HARD_NON_DEAL = re.compile(
    r"\b(?:proc[èe]s|plainte|poursuit\s+en\s+justice|poursuivi|tribunal|justice|amende|condamn\w+"
    r"|enqu[êe]te|pr[êe]ts?|emprunt\w*|dette|obligataire|subventions?|rachat\s+d['’]\s?actions"
    r"|rach[èe]te\w*\s+(?:pour\s+§+\s+)?(?:de\s+|d['’]\s?)?(?:ses\s+|leurs\s+)?(?:propres\s+)?actions"
    r"|capitalisation(?:\s+boursi[èe]re)?"
    r"|Klagen?|verklag\w+|Gericht\w*|Strafe\w*|Bußgeld\w*|Geldbuße|Kartellamt|Ermittlung\w*"
    r"|Kredit\w*|Darlehen|Schulden|Anleihe\w*|Förder\w+|Subvention\w*|Aktienrückk[äa]uf\w*"
    r"|Börsenwert|Marktwert|demanda(?:s|da|do)?|querella|juicio|multa(?:s|da)?|sanci[óo]n\w*"
    r"|investigaci[óo]n|investiga(?:n|m|r|ndo)?|pr[ée]stamos?|deuda|subvenci[óo]n\w*|ayudas?\s+p[úu]blicas"
    r"|recompra\s+de\s+(?:acciones|ações)|valor\s+de\s+mercado|processa(?:da|do)?|processo\s+judicial"
    r"|ação\s+judicial|empr[ée]stimos?|d[íi]vidas?|deb[êe]ntures|subs[íi]dios?|causa\s+legale"
    r"|tribunale|sanzion\w+|indagine|prestit\w+|debito|obbligazion\w+|riacquisto\s+di\s+azioni"
    r"|buyback|capitalizzazione"
    # money from the state: aid, not a round ("erhält 10 Milliarden Euro vom Bund")
    r"|vom\s+(?:Bund|Staat|Land)|von\s+der\s+(?:Bundesregierung|EU|Regierung)|de\s+l'\s?État"
    r"|du\s+gouvernement|de\s+la\s+BEI|del\s+(?:Gobierno|Estado)|fondos\s+europeos"
    r"|do\s+(?:governo|Estado|BNDES)|dallo\s+Stato|dal\s+governo|fondi\s+europei)\b",
    _I,
)
# Phrases that make such a sentence a non-deal story (unless a strong trigger precedes them):
# launches, hires, layoffs, earnings, research.
INTL_NON_DEAL = re.compile(
    r"\b(?:lance(?:nt)?\s+(?:un|une|le|la|les|son|sa|ses|des|l['’])|lancement|d[ée]voile\w*"
    r"|pr[ée]sente(?:nt)?\s+(?:un|une|le|la|son|sa|ses|des)|sortie\s+d[eu]|recrut\w+|nomm\w+"
    r"|embauch\w+|licenci\w+|suppressions?\s+de\s+postes|chiffre\s+d['’]\s?affaires|r[ée]sultats"
    r"|b[ée]n[ée]fices?|pertes?|trimestr\w+|pr[ée]visions?|[ée]tude|recherche"
    r"|stell(?:t|en)\s+(?:[\w-]+\s+){0,3}?vor|präsentier\w+|startet\s+(?:den|die|das|ein|eine)"
    r"|veröffentlich\w+|ernenn\w+|Stellenabbau|streich(?:t|en)\s+(?:[\w.-]+\s+){0,2}?Stellen"
    r"|auf\s+den\s+Markt|Markteinführung|entl[äa]ss\w+|Umsatz\w*|Gewinn\w*|Verlust\w*|Quartal\w*|Bilanz|Prognose|Studie"
    r"|Forschung|lanza(?:n)?\s+(?:un|una|el|la|su|sus)|lanzamiento|presenta(?:n)?\s+(?:un|una|el"
    r"|la|su|sus)|ficha(?:je)?|nombra\w*|contrata\w*|despid\w+|ERE|ingresos|facturaci[óo]n"
    r"|beneficios?|p[ée]rdidas|resultados|trimestre|previsi[óo]n|estudio|investigadores"
    r"|lança(?:m)?\s+(?:um|uma|o|a|seu|sua)|lançamento|apresenta(?:m)?\s+(?:um|uma|o|a|seu|sua)"
    r"|nomeia\w*|demiss\w+|demite|receita|faturamento|lucro|preju[íi]zo|balanço|estudo"
    r"|lancia(?:no)?\s+(?:un|una|il|la|lo)|presenta(?:no)?\s+(?:il|la|lo)|nomina\w*"
    r"|licenziament\w+|fatturato|ricavi|utile|perdite|bilancio|trimestrale|studio|ricerca)\b",
    _I,
)
# Non-deal words that are part of a deal type in these languages.
INTL_IGNORED_CUES: dict[str, re.Pattern[str]] = {
    "joint-venture": re.compile(r"^(?:lance|lanza|lança|lancia|startet|lancement)", _I),
    "ipo": re.compile(r"^(?:lance|lanza|lança|lancia|r[ée]sultats|Umsatz|ingresos|receita)", _I),
}
