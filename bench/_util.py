"""Measurement helpers shared by the benchmarks: CPU, peak RSS, medians, Markdown tables.

CPU time is ours *including* our child processes (the parse pool behind a forkserver):
``RUSAGE_SELF`` + ``RUSAGE_CHILDREN`` (children already reaped) + the utime/stime and
cutime/cstime of every live descendant read from ``/proc`` — minus the subtrees we are told
to exclude (the feed farm, nginx, wrk: they are the other side of the wire).
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random

ROOT = Path(__file__).resolve().parent.parent
_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


# --------------------------------------------------------------------------- /proc


def _proc_table() -> dict[int, tuple[int, float]]:
    """pid -> (ppid, cpu seconds incl. reaped children) for every readable process."""
    table: dict[int, tuple[int, float]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            raw = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rfind(")") + 2 :].split()
        # fields[0] is state (field 3): ppid=4, utime=14, stime=15, cutime=16, cstime=17
        ppid = int(fields[1])
        ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))
        table[int(name)] = (ppid, ticks / _TICKS)
    return table


def descendants(
    root: int, table: dict[int, tuple[int, float]] | None = None, exclude: Iterable[int] = ()
) -> list[int]:
    """Live descendants of ``root``, skipping the subtrees rooted at ``exclude``."""
    table = table if table is not None else _proc_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    skip, found, stack = set(exclude), [], [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in skip:
                found.append(child)
                stack.append(child)
    return found


def cpu_seconds(exclude: Iterable[int] = ()) -> float:
    """CPU seconds used so far by this process and its (live or reaped) descendants."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
    table = _proc_table()
    return total + sum(table[p][1] for p in descendants(os.getpid(), table, exclude))


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def reset_peak_rss(pids: Iterable[int]) -> None:
    """Reset VmHWM (peak RSS) of ``pids`` (Linux ``clear_refs`` 5); ignored where refused."""
    for pid in pids:
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            pass


def peak_rss_mb(pid: int) -> float:
    return _status_kb(pid, "VmHWM") / 1024


# --------------------------------------------------------------------------- samples


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, ours incl. children
    rss_mb: float  # peak RSS of this process
    child_rss_mb: float = 0.0  # largest peak RSS among live children (parse workers)
    extra: dict[str, float] = field(default_factory=dict)


class Meter:
    """``with Meter(exclude=[farm_pid]) as m: ...`` then ``m.sample``."""

    def __init__(self, exclude: Iterable[int] = ()) -> None:
        self.exclude = tuple(exclude)
        self.sample = Sample(0.0, 0.0, 0.0)

    def _kids(self) -> list[int]:
        return descendants(os.getpid(), exclude=self.exclude)

    def __enter__(self) -> Meter:
        reset_peak_rss([os.getpid(), *self._kids()])
        self._cpu = cpu_seconds(self.exclude)
        self._wall = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.perf_counter() - self._wall
        cpu = cpu_seconds(self.exclude) - self._cpu
        kids = max((peak_rss_mb(p) for p in self._kids()), default=0.0)
        self.sample = Sample(wall, cpu, peak_rss_mb(os.getpid()), kids)


# --------------------------------------------------------------------------- formatting


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def spread(values: Sequence[float], fmt: str = "{:.2f}") -> str:
    """'median (min–max)', or just the value for one run."""
    if not values:
        return "–"
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], notes: Sequence[str] = ()
) -> str:
    """A Markdown table with a heading and notes below; also printed by the caller."""
    lines = [
        f"### {title}",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def verdict(value: float, limit: float) -> str:
    if value != value:  # NaN
        return "n/a"
    return "met" if value <= limit else f"MISSED by {value / limit:.2f}×"


# --------------------------------------------------------------------------- machine


def machine_info() -> dict[str, str]:
    mem_kb = _meminfo_kb("MemTotal")
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores ({model or platform.machine()}), "
        f"{mem_kb / 1024 / 1024:.1f} GiB RAM, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load average at start (1/5/15 min)": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "commit": git_commit(),
    }


def _meminfo_kb(key: str) -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    dirty = subprocess.run(
        ["git", "status", "--porcelain"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    ).stdout.strip()
    return (out.stdout.strip() or "unknown") + (" (+ uncommitted changes)" if dirty else "")


# --------------------------------------------------------------------------- synthetic news
# Realistic AI-industry headline vocabulary. An ``Event`` is one happening (its facts); each
# outlet tells it with its own headline template, URL and filler, as real outlets do.

STARTUPS = (
    "Anthropic",
    "OpenAI",
    "Mistral AI",
    "Cohere",
    "xAI",
    "Perplexity",
    "Hugging Face",
    "Databricks",
    "Scale AI",
    "Runway",
    "Character.AI",
    "Aleph Alpha",
    "Stability AI",
    "Reka",
    "Sakana AI",
    "Poolside",
    "Glean",
    "Harvey",
    "Synthesia",
    "ElevenLabs",
    "Writer",
    "Together AI",
    "Groq",
    "Cerebras",
    "SambaNova",
    "CoreWeave",
    "Figure AI",
    "Skild AI",
    "World Labs",
    "Safe Superintelligence",
    "Moonshot AI",
    "Zhipu AI",
    "MiniMax",
    "Cognition",
    "Anysphere",
    "Replit",
    "Sierra",
    "Hebbia",
    "Abridge",
    "Lovable",
    "Black Forest Labs",
)
_PREFIX = (
    "Nova",
    "Cortex",
    "Lumen",
    "Vector",
    "Helix",
    "Quanta",
    "Arbor",
    "Kestrel",
    "Onyx",
    "Tessel",
    "Mirage",
    "Parallax",
    "Cobalt",
    "Juniper",
    "Sable",
    "Beacon",
    "Fathom",
    "Halcyon",
    "Ion",
    "Lattice",
    "Meridian",
    "Nimbus",
    "Orbit",
    "Prism",
    "Rune",
    "Strata",
    "Tundra",
    "Umbra",
    "Vireo",
    "Zephyr",
)
_SUFFIX = ("AI", "Labs", "Robotics", "Systems", "Intelligence", "Health")
STARTUPS = STARTUPS + tuple(f"{p} {s}" for p in _PREFIX for s in _SUFFIX)
PRODUCTS = (
    "agents for banks",
    "coding copilots",
    "AI chips",
    "humanoid robots",
    "voice assistants",
    "search for lawyers",
    "video models",
    "drug discovery",
    "private data centres",
    "on-device models",
    "fraud detection",
    "tutoring apps",
    "satellite imagery analysis",
    "supply chain planning",
    "clinical notes",
    "game characters",
    "translation",
    "chip design tools",
    "sales agents",
    "cybersecurity copilots",
    "weather forecasting",
    "protein design",
    "self-driving trucks",
    "warehouse robots",
    "music generation",
    "insurance claims",
    "call centres",
    "materials science",
    "energy trading",
    "3D worlds",
)
BIGTECH = (
    "Microsoft",
    "Google",
    "Amazon",
    "Nvidia",
    "Meta",
    "Apple",
    "Salesforce",
    "Oracle",
    "IBM",
    "Samsung",
    "SoftBank",
    "AMD",
    "Alibaba",
    "Tencent",
    "Snowflake",
    "Adobe",
)
INVESTORS = (
    "Sequoia Capital",
    "Andreessen Horowitz",
    "Lightspeed Venture Partners",
    "Thrive Capital",
    "General Catalyst",
    "Index Ventures",
    "Accel",
    "Kleiner Perkins",
    "Greenoaks",
    "Coatue",
    "Founders Fund",
    "Khosla Ventures",
    "Insight Partners",
    "Menlo Ventures",
    "Spark Capital",
    "DST Global",
    "Bessemer Venture Partners",
    "GV",
)
PUBLISHERS = (
    "Axel Springer",
    "News Corp",
    "the Financial Times",
    "Reuters",
    "Le Monde",
    "the Associated Press",
    "Condé Nast",
    "Vox Media",
)
FIELDS = (
    "coding assistants",
    "enterprise search",
    "AI agents",
    "video generation",
    "speech synthesis",
    "drug discovery",
    "robotics",
    "legal AI",
    "chip design",
    "customer service",
    "AI inference",
    "model training",
    "healthcare AI",
)
ROUNDS = ("seed", "Series A", "Series B", "Series C", "Series D", "Series E")
GOVS = ("EU", "UK", "US", "French", "Japanese", "Indian")

TEMPLATES = {
    "funding": (
        "{co} raises {amt} in {round} funding led by {inv}",
        "{co} lands {amt} {round} to expand {product}",
        "{co}, maker of {product}, raises {amt}",
        "{inv} leads {amt} {round} round in {co}",
        "AI startup {co} secures {amt} at a {val} valuation",
        "{co}, the {field} startup, closes {amt} {round}",
    ),
    "investment": (
        "{big} to invest up to {amt} in {co}",
        "{big} invests {amt} in {co}, deepening AI ties",
        "{co} gets {amt} investment from {big}",
    ),
    "acquisition": (
        "{big} to acquire {co} for {amt}",
        "{big} buys AI startup {co} in {amt} deal",
        "{big} agrees to buy {co}, people familiar say",
        "{co} to be acquired by {big} for {amt}",
    ),
    "partnership": (
        "{big} and {co} strike partnership on {field}",
        "{co} partners with {big} to bring {field} to customers",
        "{big} teams up with {co} in multiyear {field} deal",
    ),
    "licensing": (
        "{co} signs licensing deal with {pub} for news content",
        "{pub} licenses its archive to {co} for AI training",
    ),
    "ipo": ("{co} files confidentially for US IPO", "{co} targets {val} valuation in IPO"),
    "launch": (
        "{co} releases {model}, its most capable model yet",
        "{co} launches {model} for {product}",
        "{co} unveils {model} with stronger {field} skills",
        "Hands-on with {model}, the new model from {co}",
    ),
    "chip": (
        "{big} unveils {chip} to speed up {field}",
        "{big} says its {chip} doubles inference throughput",
    ),
    "policy": (
        "{gov} regulators open inquiry into {big}'s AI deal with {co}",
        "{gov} lawmakers agree on rules for {field} under new AI law",
        "{gov} government proposes new limits on AI chip exports",
    ),
    "people": (
        "{co} hires former {big} executive as chief technology officer",
        "{co} co-founder leaves to start a new {field} lab",
    ),
}
KINDS = tuple(TEMPLATES)
_WEIGHTS = (14, 6, 6, 6, 3, 2, 10, 4, 4, 3)
_FILLER_WORDS = (
    "the company said",
    "according to people familiar with the matter",
    "analysts expect",
    "the model",
    "its customers",
    "the startup",
    "in a statement",
    "on Tuesday",
    "last year",
    "revenue",
    "compute capacity",
    "data centres",
    "the round",
    "regulators",
    "benchmarks",
    "developers",
    "enterprise clients",
    "inference costs",
    "a spokesperson declined to comment",
    "the deal",
    "the valuation",
    "training runs",
    "open-weight models",
    "GPUs",
    "safety tests",
)


@dataclass(frozen=True)
class Event:
    key: tuple[object, ...]
    kind: str
    facts: dict[str, str]


@dataclass(frozen=True)
class NewsStory:
    title: str
    link: str
    summary: str
    html: str


def _money(rng: random.Random, low: int, high: int) -> str:
    value = rng.choice(
        (
            1,
            2,
            4,
            5,
            6,
            8,
            10,
            15,
            20,
            25,
            40,
            50,
            60,
            75,
            100,
            150,
            200,
            300,
            400,
            500,
            600,
            750,
            1000,
            1500,
            2000,
            4000,
            6500,
            10000,
        )
    )
    value = min(max(value, low), high)
    return f"${value // 1000:g} billion" if value >= 1000 else f"${value} million"


def event(seed: int, key: tuple[object, ...]) -> Event:
    """The facts of one happening, a pure function of (seed, key)."""
    import random

    rng = random.Random(f"{seed}:{key!r}")
    kind = rng.choices(KINDS, _WEIGHTS)[0]
    co, big = rng.choice(STARTUPS), rng.choice(BIGTECH)
    facts = {
        "co": co,
        "big": big,
        "inv": rng.choice(INVESTORS),
        "pub": rng.choice(PUBLISHERS),
        "field": rng.choice(FIELDS),
        "product": rng.choice(PRODUCTS),
        "round": rng.choice(ROUNDS),
        "gov": rng.choice(GOVS),
        "amt": _money(rng, 5, 10000),
        "val": _money(rng, 1000, 10000 * 30),
        "model": f"{co.split()[0]} {rng.choice(('Nova', 'Atlas', 'Orion', 'Sonic', 'Flux'))} "
        f"{rng.randint(2, 5)}",
        "chip": f"{rng.choice(('H', 'MI', 'TPU v', 'Blackwell B'))}{rng.randint(3, 400)}",
        "day": rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
    }
    return Event(key, kind, facts)


def _filler(outlet: int, seq: int, nbytes: int) -> str:
    words, parts, size, n = _FILLER_WORDS, [], 0, outlet * 7919 + seq * 104729
    while size < nbytes:
        sentence = " ".join(words[(n + 3 * k * k) % len(words)] for k in range(9))
        para = f"<p>{sentence.capitalize()}, {words[n % len(words)]}.</p>"
        parts.append(para)
        size += len(para)
        n += 11
    return "".join(parts)[: max(0, nbytes)]


def story(ev: Event, outlet: int, seq: int, nbytes: int = 1500) -> NewsStory:
    """How outlet ``outlet`` tells event ``ev`` (its ``seq``-th entry), ~``nbytes`` of HTML."""
    f = ev.facts
    variants = TEMPLATES[ev.kind]
    title = variants[(outlet + len(ev.key)) % len(variants)].format(**f)
    slug = "-".join("".join(c for c in w if c.isalnum()) for w in title.lower().split()[:8])
    link = f"https://outlet{outlet}.example/2026/{slug}-{seq}"
    summary = (
        f"{f['co']} said on {f['day']} it {_fact(ev)}. The company, which works on "
        f"{f['product']}, did not give further details."
    )
    html = f"<p><strong>{title}</strong></p><p>{summary}</p>" + _filler(
        outlet, seq, nbytes - 2 * len(summary)
    )
    return NewsStory(title, link, summary, html.replace("</p><p>", "</p>\n<p>"))


def _fact(ev: Event) -> str:
    f = ev.facts
    return {
        "funding": f"raised {f['amt']} in a {f['round']} round led by {f['inv']}, valuing it "
        f"at {f['val']}",
        "investment": f"will receive up to {f['amt']} from {f['big']}",
        "acquisition": f"agreed to be acquired by {f['big']} for {f['amt']}",
        "partnership": f"signed a multiyear partnership with {f['big']}",
        "licensing": f"will license content from {f['pub']}",
        "ipo": f"filed for an initial public offering at about {f['val']}",
        "launch": f"released {f['model']}",
        "chip": f"will use {f['big']}'s {f['chip']} accelerators",
        "policy": f"faces new {f['gov']} rules for {f['field']}",
        "people": f"hired a former {f['big']} executive",
    }[ev.kind]
