"""Smoke test of the benchmark suite: the farm and the polling scenario at tiny sizes.

No thresholds: this keeps ``make bench`` working, it does not judge speed.
"""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import polling
from bench._util import Meter, cpu_seconds
from bench.farm import Farm, FarmConfig

TINY = FarmConfig(feeds=6, entries=5, latency=0.0, min_kb=20, max_kb=40)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), b""


def test_farm_serves_rss_and_atom_with_validators_and_ticks() -> None:
    with Farm(TINY) as farm:
        status, headers, body = _get(farm.url(0))
        assert status == 200 and body.startswith(b"<?xml") and b"<rss" in body
        assert 15_000 < len(body) < 60_000
        assert b"<feed xmlns" in _get(farm.url(1))[2]
        _, zipped_headers, zipped = _get(farm.url(0), {"Accept-Encoding": "gzip"})
        assert zipped_headers["Content-Encoding"] == "gzip" and gzip.decompress(zipped) == body
        assert _get(farm.url(0), {"If-None-Match": headers["ETag"]})[0] == 304
        assert _get(farm.url(0), {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        ticked = farm.tick(0.5)
        assert len(ticked) == 3
        new = _get(farm.url(ticked[0]), {"If-None-Match": "x"})
        assert new[0] == 200
        stats = farm.stats(reset=True)
        assert stats["requests"] == 6 and stats["not_modified"] == 2
        assert farm.stats()["requests"] == 0
        assert _get(farm.url(99))[0] == 404


def test_meter_counts_cpu_of_this_process() -> None:
    before = cpu_seconds()
    with Meter() as meter:
        sum(i * i for i in range(300_000))
    assert meter.sample.cpu > 0 and meter.sample.wall > 0 and meter.sample.rss_mb > 10
    assert cpu_seconds() >= before + meter.sample.cpu * 0.5


@pytest.fixture(scope="module")
def quick_results() -> polling.PollResults:
    cfg = polling.PollConfig(
        feeds=4, entries=4, latency=0.005, runs=1, workers=1, baseline_feeds=2, judge=False
    )
    return polling.run(
        cfg, FarmConfig(feeds=4, entries=4, latency=0.005, min_kb=20, max_kb=30), log=lambda _: None
    )


def test_quick_polling_runs_every_client_and_phase(quick_results: polling.PollResults) -> None:
    for client in polling.CLIENTS:
        for phase in polling.PHASES:
            (sample,) = quick_results.samples[(client, phase)]
            assert sample.wall > 0
    pipeline = quick_results.samples
    assert pipeline[("pipeline", "cold")][0].extra == pytest.approx(
        {**pipeline[("pipeline", "cold")][0].extra, "ok": 4, "nm": 0, "failed": 0}
    )
    assert pipeline[("pipeline", "cold")][0].extra["new"] == 16
    assert pipeline[("pipeline", "warm")][0].extra["nm"] == 4
    assert pipeline[("pipeline", "warm")][0].extra["new"] == 0
    assert pipeline[("pipeline", "tick10")][0].extra["ok"] == 1
    # the same cycles, each in a new process as `aggregator update --all` runs one
    assert pipeline[("one-shot", "cold")][0].extra["new"] == 16
    assert pipeline[("one-shot", "warm")][0].extra["nm"] == 4
    assert pipeline[("one-shot", "tick10")][0].extra["new"] > 0
    assert pipeline[("parse floor", "cold")][0].extra["entries"] == 16
    assert pipeline[("network floor", "warm")][0].extra["nm"] == 4


def test_quick_polling_report_prints_tables(quick_results: polling.PollResults) -> None:
    text = polling.report(quick_results)
    assert "| pipeline | cold |" in text and "| baseline | tick10 |" in text
    assert "not judged (quick)" in text and "extrapolated" in text
