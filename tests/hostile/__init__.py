"""The hostile-feeds and faults suite (see docs/hostile.md).

``server``  a local hostile HTTP server on 127.0.0.1, one path per case
``cases``   the case table shared by tests/test_hostile.py and bench/hostile.py
``harness`` one case end to end: hostile server -> run_once -> published site -> checks
``checks``  validity of published files, active content, leaked secrets
``crash``   kill -9 rounds against `python -m aggregator update --all`
"""

from __future__ import annotations

import pytest


def require_long_mode(request: pytest.FixtureRequest) -> None:
    """Skip a ``slow`` test unless the run selected it with ``-m slow`` (make test-long).

    The project's default ``pytest -q`` has no marker filter, so without this the long
    mode would run in every default run.
    """
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("long mode only: make test-long (pytest -m slow)")
