"""Hostile feeds end to end: hostile server -> full update cycle -> published site.

Every case of tests/hostile/cases.py must leave the cycle complete, the good feed stored
and published, the hostile feed recorded as failed or cleaned, every previously stored
entry in place, every published feed valid and nothing active or secret published.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aggregator.runtime.service import Service

from .hostile.cases import CASES, KNOWN_BUGS, Case, by_name
from .hostile.checks import dangers, invalid_files
from .hostile.harness import (
    Harness,
    header_problems,
    path_problems,
    plant_escape_routes,
    serving,
)
from .hostile.server import HostileServer


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def harness(server: HostileServer, tmp_path_factory: pytest.TempPathFactory) -> Harness:
    return Harness(server, tmp_path_factory.mktemp("hostile"))


def _param(case: Case) -> object:
    if case.name in KNOWN_BUGS:
        return pytest.param(
            case, id=case.name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case.name])
        )
    return pytest.param(case, id=case.name)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_case(harness: Harness, case: Case) -> None:
    result = harness.run(case)
    assert result.ok, f"{case.name} ({result.outcome}):\n  " + "\n  ".join(result.problems)


def test_served_site_headers_and_paths(harness: Harness) -> None:
    """A site built from a feed with hostile headers and content, served by the real
    service's web app: only the server's own headers, and no way out of the site."""
    result = harness.run(by_name(["hostile-headers"])[0])
    assert result.ok and result.settings is not None, result.problems
    site = result.settings.output
    with serving(Service(result.settings).app()) as port:
        assert header_problems(port, site) == []
        plant_escape_routes(site)
        assert path_problems(port) == []


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>t</title><id>urn:x</id><updated>2026-11-24T00:00:00Z</updated>"
    "<author><name>a</name></author><entry><title>e</title><id>urn:e</id>"
    '<updated>2026-11-24T00:00:00Z</updated><content type="html">{}</content>'
    "</entry></feed>"
)


@pytest.mark.parametrize(
    "content",
    [
        "&lt;script&gt;x()&lt;/script&gt;",
        "&lt;img src=x onerror=x()&gt;",
        "&lt;a href='java&amp;#x09;script:x()'&gt;a&lt;/a&gt;",
        "&lt;svg&gt;&lt;/svg&gt;",
        "&lt;a href='data:text/html,x'&gt;a&lt;/a&gt;",
    ],
)
def test_the_danger_check_is_not_vacuous(tmp_path: Path, content: str) -> None:
    site = _site(tmp_path, {"all.atom": ATOM.format(content)})
    assert invalid_files(site) == {}
    assert dangers(site)


def test_the_validity_check_is_not_vacuous(tmp_path: Path) -> None:
    good = ATOM.format("&lt;p&gt;fine&lt;/p&gt;")
    site = _site(
        tmp_path,
        {
            "a.atom": good,
            "half.atom": good[: len(good) // 2],
            "b.json": '{"version": "x", "items": [',
            "c.atom": "<feed/>",
        },
    )
    assert sorted(invalid_files(site)) == ["b.json", "c.atom", "half.atom"]
