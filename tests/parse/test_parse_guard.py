"""A parse that runs too long in a worker process fails alone, with a ParseError."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from aggregator.errors import ParseError
from aggregator.parse import parse_deadline
from aggregator.runtime.service import parse_pool


def slow_parse(seconds: float) -> str:
    with parse_deadline(0.5, SimpleNamespace(feed="slow", url="http://slow.example/")):
        time.sleep(seconds)
    return "finished"


def test_worker_parse_is_cut_at_the_deadline() -> None:
    pool = parse_pool(1)
    try:
        started = time.monotonic()
        with pytest.raises(ParseError, match="longer than"):
            pool.submit(slow_parse, 30).result(timeout=20)
        assert time.monotonic() - started < 10
        assert pool.submit(slow_parse, 0).result(timeout=20) == "finished"
    finally:
        pool.shutdown()


def test_inline_parse_is_not_interrupted() -> None:
    assert slow_parse(0.7) == "finished"
