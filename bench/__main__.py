"""``python -m bench [--quick] [--only NAME ...] [--markdown FILE]``: run the benchmark suite.

Sections: polling (scenario 1), scale (2), serving (3), slowfeeds (4), profile (cProfile of a
cold cycle), then the other engineers' scripts when present: stories, deals, http_clients
(run as subprocesses; ``--quick`` is passed to those that accept it, the others are skipped
in quick mode). Every table is printed as Markdown; ``--markdown`` also writes them to a file.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from bench import polling, scale, serving, slowfeeds
from bench._util import ROOT, machine_info, table

OWN = ("polling", "scale", "serving", "slowfeeds", "profile")
EXTERNAL = ("stories", "deals", "http_clients")


def _polling(quick: bool, args: argparse.Namespace) -> str:
    cfg = (
        polling.PollConfig(
            feeds=20, entries=10, latency=0.01, runs=1, baseline_feeds=5, judge=False
        )
        if quick
        else polling.PollConfig()
    )
    if args.runs:
        cfg = replace(cfg, runs=args.runs)
    return polling.report(polling.run(cfg))


def _scale(quick: bool, args: argparse.Namespace) -> str:
    if quick:
        cfg = scale.ScaleConfig(sizes=(500, 1_000), per_day=250, feeds=50, new=50, judge=False)
        return scale.report(cfg, [scale.measure_apart(cfg, n) for n in cfg.sizes])
    cfg = scale.ScaleConfig(sizes=tuple(args.scale_sizes))
    rows: list[scale.ScaleRow] = []
    skipped, started = "", time.perf_counter()
    for size in cfg.sizes:
        if rows:  # cost of a size ≈ the last one's, scaled by the history size
            last = rows[-1]
            estimate = (last.build_s + last.first_publish_s) * size / last.size
            left = args.scale_budget - (time.perf_counter() - started)
            if estimate > left:
                skipped = (
                    f"{size:,} and larger not run: ~{estimate / 60:.0f} min estimated "
                    f"(extrapolated from {last.size:,}), over what is left of the "
                    f"{args.scale_budget / 60:.0f}-min budget (--scale-budget)."
                )
                break
        print(f"  scale: {size:,} entries", flush=True)
        rows.append(scale.measure_apart(cfg, size))
    return scale.report(cfg, rows, skipped)


def _serving(quick: bool, args: argparse.Namespace) -> str:
    cfg = serving.ServeConfig(feeds=100)
    if quick:
        return serving.report(cfg, [], 0, "skipped in quick mode (no wrk/nginx)")
    why = serving.tools_available()
    if why:
        return serving.report(cfg, [], 0, why)
    results, cycles = serving.run(cfg)
    return serving.report(cfg, results, cycles)


def _slowfeeds(quick: bool, args: argparse.Namespace) -> str:
    cfg = (
        slowfeeds.SlowConfig(
            normal=40,
            entries=10,
            big_bytes=1_000_000,
            stall=3,
            deadline=1.0,
            latency=0.01,
            concurrency=(16,),
            judge=False,
        )
        if quick
        else slowfeeds.SlowConfig()
    )
    return slowfeeds.report(cfg, slowfeeds.run(cfg))


def _profile(quick: bool, args: argparse.Namespace) -> str:
    if quick:
        return table("Profile of a cold cycle", ["result"], [["skipped in quick mode"]])
    return polling.profile_cold(polling.PollConfig(feeds=50, runs=1))


def _external(name: str, quick: bool) -> str:
    script = ROOT / "bench" / f"{name}.py"
    if not script.exists():
        return f"### {name}\n\nnot present (bench/{name}.py)\n"
    accepts_quick = "--quick" in script.read_text(encoding="utf-8")
    if quick and not accepts_quick:
        return f"### {name}\n\nskipped in quick mode (bench/{name}.py has no --quick)\n"
    args = [sys.executable, str(script)] + (["--quick"] if quick else [])
    started = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    seconds = time.perf_counter() - started
    status = "ok" if done.returncode == 0 else f"exit status {done.returncode}"
    tail = done.stderr.strip().splitlines()[-5:] if done.returncode else []
    return (
        f"### {name} (bench/{name}.py{' --quick' if quick else ''}: {status}, "
        f"{seconds:.0f} s)\n\n"
        + done.stdout.strip()
        + "\n"
        + "".join(f"    {line}\n" for line in tail)
    )


SECTIONS: dict[str, Callable[[bool, argparse.Namespace], str]] = {
    "polling": _polling,
    "scale": _scale,
    "serving": _serving,
    "slowfeeds": _slowfeeds,
    "profile": _profile,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes, one run, no wrk/nginx, no thresholds (seconds)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=OWN + EXTERNAL,
        metavar="NAME",
        help=f"run only this section (repeatable): {', '.join(OWN + EXTERNAL)}",
    )
    parser.add_argument("--runs", type=int, default=None, help="runs of the polling scenario")
    parser.add_argument(
        "--scale-budget",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="time the scale section may take; larger sizes are skipped "
        "when their estimate does not fit (default 300)",
    )
    parser.add_argument(
        "--scale-sizes",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[5_000, 10_000, 100_000, 1_000_000],
        metavar="N,N,...",
        help="history sizes of the scale section (default 5000,10000,100000,1000000)",
    )
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    # SIGTERM unwinds like Ctrl-C, so farms, pools and nginx are stopped by their ``finally``
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    info = machine_info()
    head = "\n".join(f"- {k}: {v}" for k, v in info.items())
    out = [f"## Benchmarks ({'quick' if args.quick else 'full'})\n\n{head}\n"]
    print(out[0], flush=True)
    started = time.perf_counter()
    for name in args.only or OWN + EXTERNAL:
        print(f"== {name}", flush=True)
        clock = time.perf_counter()
        text = SECTIONS[name](args.quick, args) if name in SECTIONS else _external(name, args.quick)
        print(text, f"\n({name}: {time.perf_counter() - clock:.0f} s)\n", flush=True)
        out.append(text)
    print(f"total: {time.perf_counter() - started:.0f} s")
    if args.markdown:
        args.markdown.write_text("\n".join(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
