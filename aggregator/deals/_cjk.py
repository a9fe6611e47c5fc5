"""Deal headlines written in Chinese, Japanese or Korean: "楽天、関西ビジョンを450億円で買収へ",
"네이버, 로봇 스타트업 하늘로보틱스에 300억 투자", "码跃科技完成5亿元A轮融资，红杉中国领投".

Those scripts have no capitals to tell a name, so the names are read by where such headlines
put them: the subject before the headline's first comma ("、", ",", "，") or before its
grammatical particle, the other side just before the object particle ("を", "に", "을",
"를", "에") or after "与"/"と"/"와", a name in 「」 brackets whole. A descriptor before a name
("AI新興の", "AI 스타트업", "米") is dropped. Read only for a headline in one of those scripts
that the other rules read as no deal; the names are kept in their own script.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..models import Deal, Money, Party
from ._amounts import DEFAULT_RATES
from ._gazetteer import slugify

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# -------------------------------------------------------------------------------- amounts
_UNIT = {"兆": 1e12, "조": 1e12, "億": 1e8, "亿": 1e8, "억": 1e8, "万": 1e4, "만": 1e4}
_NUMBER = r"\d+(?:[.,]\d+)*"
_AMOUNT = re.compile(
    rf"(?:最大|最多|约|約|약)?\s*(?P<big>{_NUMBER})\s*(?P<u1>[兆조億亿억万만])"
    rf"(?:\s*(?P<small>{_NUMBER})\s*(?P<u2>[億亿억万만]))?"
    r"\s*(?P<cur>円|元|人民币|美元|ドル|달러|원|위안|港元|港币|ユーロ|유로|欧元)?"
)
_CURRENCIES = {
    "円": "JPY",
    "元": "CNY",
    "人民币": "CNY",
    "위안": "CNY",
    "美元": "USD",
    "ドル": "USD",
    "달러": "USD",
    "원": "KRW",
    "港元": "HKD",
    "港币": "HKD",
    "ユーロ": "EUR",
    "유로": "EUR",
    "欧元": "EUR",
}


def cjk_amount(text: str, rates: Mapping[str, float] | None = None) -> Money | None:
    """The first amount written with a CJK scale ("100億円", "1조2000억원", "5亿元", "300억"),
    in US dollars too at ``rates`` (each currency's dollars)."""
    found = _AMOUNT.search(text)
    if found is None:
        return None
    value = float(found.group("big").replace(",", "")) * _UNIT[found.group("u1")]
    if found.group("small"):
        value += float(found.group("small").replace(",", "")) * _UNIT[found.group("u2")]
    currency = _CURRENCIES.get(found.group("cur") or "")
    if currency is None:  # no currency word: the script's own ("300억": won, "200億": yen)
        script = found.group("u1")
        currency = "KRW" if script in "조억만" else "CNY" if script == "亿" else "JPY"
    table = DEFAULT_RATES if rates is None else {**DEFAULT_RATES, **rates}
    rate = table.get(currency)
    return Money(
        value=value,
        currency=currency,
        usd=None if rate is None else value * rate,
        text=found.group(0).strip(),
    )


# -------------------------------------------------------------------------------- names
# A descriptor in front of a name: "AI新興の", "大阪の画像認識AI企業", "米", "AI 스타트업",
# "네덜란드 AI 반도체 기업", "AI编程公司"
_DESCRIPTOR = re.compile(
    r"^(?:.*の(?=.)|.*?(?:新興|企業|会社|スタートアップ|ベンチャー)|米|中国|韓国|日本|英|独|仏)"
    r"|^(?:.*?(?:스타트업|기업|업체|회사)\s+)"
    r"|^(?:.*?(?:公司|企业|初创|独角兽))(?=.)"
)
_BRACKETED = re.compile(r"「([^」]{1,30})」")
_HEAD_SEP = re.compile(r"[、,，]")
_KICKER = re.compile(r"^[^｜|]{0,12}[｜|]\s*")  # "36氪首发｜"


def _name(phrase: str) -> str | None:
    """A name from a phrase: its bracketed name, else the phrase without its descriptor."""
    phrase = phrase.strip(" 　・…")
    bracketed = _BRACKETED.search(phrase)
    if bracketed:
        return bracketed.group(1).strip()
    stripped = _DESCRIPTOR.sub("", phrase).strip()
    if not stripped and _DESCRIPTOR.match(phrase):
        return None  # "米AI半導体新興": a kind of company, no name
    name = stripped or phrase
    if not name or len(name) > 24 or len(name.split()) > 3:
        return None
    return name.split()[-1] if CJK.search(name) and " " in name else name


# A Latin-script name in a CJK sentence: "米AI半導体スタートアップのArcSiliconに"
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9.&-]*(?:\s[A-Z][A-Za-z0-9.&-]*){0,2}")


def _described(phrase: str, text: str, subject: str | None) -> str | None:
    """The name a headline's description ("米AI半導体新興", "米AI企業") stands for: the one
    Latin-script name of the summary's first sentence that is not the subject's (not "AI")."""
    first = re.split(r"[。！？]", text[:300], maxsplit=1)[0]
    names = [n for n in _LATIN_NAME.findall(first) if n not in ("AI", subject) and len(n) > 2]
    return names[0] if len(set(names)) == 1 else None


def _party(name: str | None, role: str, lead: bool = False) -> Party | None:
    return None if not name else Party(name=name, role=role, slug=slugify(name), lead=lead)


# -------------------------------------------------------------------------------- kinds
# (rule, type, pattern over the title, roles): the subject is "a", the object "b"
_N = r"[^、,，]{1,40}?"  # a phrase that holds a name
_PAIR = (
    r"^(?P<a>[^、,，与和と와과]{1,20}?)(?:与|和|と|와|과)\s*(?P<b>[^、,，]{1,20}?)"
    r"(?:[、,，]\s*|(?=成立|设立|設立|共同|在|就))"
)
_RULES: tuple[tuple[str, str, re.Pattern[str], str, str | None], ...] = (
    # 智谱否认被收购传闻
    (
        "acquired-cjk",
        "acquisition",
        re.compile(rf"^(?P<b>{_N})(?:否认|否認)?被收购"),
        "target",
        None,
    ),
    # 楽天、関西ビジョンを450億円で買収へ / NEC、米AIスタートアップのCognosysを買収
    (
        "acquires-cjk",
        "acquisition",
        re.compile(
            rf"^(?P<a>{_N})、\s*(?P<b>[^、,，]{{1,40}})を(?:[^を、]{{0,15}}?で)?(?:買収|子会社化|傘下に)"
        ),
        "acquirer",
        "target",
    ),
    # 삼성전자, 네덜란드 AI 반도체 기업 루멘벨트 인수
    (
        "acquires-cjk",
        "acquisition",
        re.compile(
            rf"^(?P<a>{_N}),\s*(?P<b>[^,]{{1,40}}?)(?:을|를)?\s*(?:[\d,.]+\S*\s*(?:에|규모로?)\s*)?인수"
        ),
        "acquirer",
        "target",
    ),
    # 腾讯否认将收购AI公司「云雀智能」, 字节跳动收购…
    (
        "acquires-cjk",
        "acquisition",
        re.compile(
            r"^(?P<a>[^、,，与和]{1,20}?)(?:否认|否認)?(?:将|拟|宣布|完成)?收购(?P<b>[^，,。]{1,30})"
        ),
        "acquirer",
        "target",
    ),
    # トヨタ、米AI企業の買収報道を否定: a report of a purchase, denied
    (
        "acquires-cjk",
        "acquisition",
        re.compile(rf"^(?P<a>{_N})、\s*(?P<b>[^、,，]{{1,40}}?)の買収(?:報道|観測|検討)"),
        "acquirer",
        "target",
    ),
    # NTTデータ、米Glimmer AIと資本業務提携　約30億円を出資: a capital tie-up is a stake
    (
        "invests-cjk",
        "investment",
        re.compile(rf"^(?P<a>{_N})、\s*(?P<b>[^、,，]{{1,40}}?)と(?:資本業務提携|資本提携)"),
        "investor",
        "target",
    ),
    # ソニー、AI音声スタートアップのVoicelyと提携
    (
        "partners-cjk",
        "partnership",
        re.compile(
            rf"^(?P<a>{_N})、\s*(?P<b>[^、,，]{{1,40}}?)と(?:[^、]{{0,10}}?)(?:業務提携|提携|協業)"
        ),
        "partner",
        "partner",
    ),
    # 百度与远航汽车成立智能驾驶合资公司 / ソフトバンクとOpenAI、合弁会社「SB OAI Japan」設立
    (
        "jv-cjk",
        "joint-venture",
        re.compile(_PAIR + r".{0,20}?(?:合资|合弁|합작)"),
        "partner",
        "partner",
    ),
    # KDDIとGoogle Cloud、生成AIで戦略的提携
    (
        "partners-cjk",
        "partnership",
        re.compile(_PAIR + r".{0,20}?(?:提携|战略合作|전략적\s*제휴|업무협약|제휴)"),
        "partner",
        "partner",
    ),
    # ソニーG、AI新興の星空ラボに100億円出資 / 네이버, 로봇 스타트업 하늘로보틱스에 300억 투자
    (
        "invests-cjk",
        "investment",
        re.compile(
            rf"^(?P<a>{_N})[、,，]\s*(?P<b>[^、,，]{{1,40}}?)(?:に|에)\s*(?:[^、,，\s]{{0,12}}?\s*)?"
            r"(?:追加)?(?:出資|투자(?!\s*유치))"
        ),
        "investor",
        "target",
    ),
    # ミライ知能、東証グロースに上場へ / 月峰科技港股上市首日大涨 / 딥코어, 코스닥 상장
    ("ipo-cjk", "ipo", re.compile(rf"^(?P<b>{_N})、.{{0,20}}?上場"), "issuer", None),
    ("ipo-cjk", "ipo", re.compile(rf"^(?P<b>{_N}),\s*.{{0,20}}?상장"), "issuer", None),
    (
        "ipo-cjk",
        "ipo",
        re.compile(
            r"^(?P<b>[^、,，]{2,30}?)(?:港股|A股|美股|科创板|在港|在美|赴港|赴美|登陆\S{0,6})上市"
        ),
        "issuer",
        None,
    ),
    # 딥코어, 500억 시리즈B 유치…소프트뱅크벤처스 주도 / Sakana AI、シリーズBで200億円を調達
    (
        "raises-cjk",
        "funding",
        re.compile(rf"^(?P<b>{_N})[、,，]\s*.{{0,30}}?(?:調達|유치)"),
        "target",
        None,
    ),
    # 码跃科技完成5亿元A轮融资，红杉中国领投
    (
        "raises-cjk",
        "funding",
        re.compile(r"^(?P<b>[^、,，]{1,40}?)(?:完成|获得|获|宣布完成).{0,20}?融资"),
        "target",
        None,
    ),
)
_LEAD = re.compile(r"[，,…、]\s*(?P<x>[^，,…、]{1,20}?)(?:领投|주도|が主導)")
_DENIED = re.compile(r"否认|否認|否定|부인")
_RUMOURED = re.compile(r"検討|검토|拟|传|據報|据悉|報道|보도|관측|協議中|交渉")
_COMPLETED = re.compile(r"完成|完了|首日|初値|마무리|완료")
_ANNOUNCED_ONLY = re.compile(r"へ$|へ[　\s]|予定|계획|추진")


def cjk_deal(title: str, rates: Mapping[str, float] | None = None, text: str = "") -> Deal | None:
    """The deal a CJK headline tells (see the module docstring), or None; its amount is the
    headline's, else the first of the summary's lead (``text``)."""
    if CJK.search(title) is None:
        return None
    head = _KICKER.sub("", title.strip())
    for rule, kind, pattern, first, second in _RULES:
        found = pattern.search(head)
        if found is None:
            continue
        groups = found.groupdict()
        a = _name(groups["a"]) if groups.get("a") else None
        b = _name(groups["b"]) if groups.get("b") else None
        if b is None and groups.get("b") and text:
            b = _described(groups["b"], text, a)  # named in the summary
        parties = [
            p
            for p in (
                _party(a, first) if "a" in groups else _party(b, first),
                _party(b, second) if second and "a" in groups else None,
            )
            if p is not None
        ]
        if (
            not parties
            or (second and len(parties) < 2)
            or len({p.name for p in parties}) < len(parties)
        ):
            continue
        lead = _LEAD.search(head)
        if kind == "funding" and lead:
            investor = _party(_name(lead.group("x")), "investor", lead=True)
            if investor is not None and investor.name != parties[0].name:
                parties.append(investor)
        status = (
            "denied"
            if _DENIED.search(head)
            else "rumoured"
            if _RUMOURED.search(head)
            else "completed"
            if _COMPLETED.search(head) and not _ANNOUNCED_ONLY.search(head)
            else "announced"
        )
        return Deal(
            type=kind,
            status=status,
            amount=cjk_amount(head, rates) or cjk_amount(text[:200], rates),
            parties=tuple(parties),
            evidence=found.group(0),
            rule=rule,
        )
    return None
