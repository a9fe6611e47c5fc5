"""Every published Atom file passes the W3C feed validator, run offline.

The validator (a checkout of w3c/feedvalidator; it needs html5lib and rdflib) is not a
dependency of the project: point ``AGGREGATOR_FEEDVALIDATOR`` at the directory that holds its
``feedvalidator`` package (the checkout's ``src``) and these tests run; without it, or when
it cannot be imported, they skip. Nothing is downloaded: the validator reads the files from
disk in a child process (its import sets a global socket timeout, which must not leak into
the other tests), through its Python API, with network connections refused.

Allowed: the validator's warning about a namespace it does not know, for our deal
namespace only. Any other error or warning fails, with the validator's own message.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from aggregator.runtime.cli import cli

EXAMPLES = Path(__file__).parents[2] / "examples"
DEAL_NS = "https://aggregator.dev/ns/deal/1.0"
ENV = "AGGREGATOR_FEEDVALIDATOR"

# Runs in the child: validate each file given (path, URL it is served at), print a JSON list
# of [file, severity, event class, params, message] for every error and warning.
DRIVER = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access refused in tests")

socket.socket.connect = refuse
socket.create_connection = refuse

import feedvalidator
from feedvalidator import logging
from feedvalidator.formatter.text_plain import Formatter

out = []
for path, url in json.loads(sys.stdin.read()):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        events = feedvalidator.validateString(data, firstOccurrenceOnly=0, base=url)
        events = events["loggedEvents"]
    except logging.ValidationFailure as failure:
        events = [failure.event]
    for event in events:
        if isinstance(event, logging.Error):
            severity = "error"
        elif isinstance(event, logging.Warning):
            severity = "warning"
        else:
            continue
        params = {k: str(v) for k, v in event.params.items()}
        out.append([path, severity, type(event).__name__, params, Formatter([event])[0]])
print(json.dumps(out))
"""


def validator_path() -> str:
    """Where the validator's package is; skips when it is not set or not importable."""
    where = os.environ.get(ENV, "")
    if not where:
        pytest.skip(f"{ENV} is not set (the directory holding w3c/feedvalidator's package)")
    probe = subprocess.run(
        [sys.executable, "-c", "import feedvalidator"],
        env=_env(where),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["?"])[-1]
        pytest.skip(f"the feed validator in {where} cannot be imported: {last}")
    return where


def _env(where: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (where, env.get("PYTHONPATH")) if p)
    return env


def validate(where: str, files: list[tuple[Path, str]]) -> list[list[object]]:
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER],
        env=_env(where),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        input=json.dumps([[str(p), url] for p, url in files]),
    )
    assert proc.returncode == 0, proc.stderr
    result: list[list[object]] = json.loads(proc.stdout)
    return result


def demo_site(tmp_path: Path, **publish: object) -> tuple[Path, str]:
    """The offline demo (examples/) built in ``tmp_path``: (site directory, base URL)."""
    shutil.copytree(EXAMPLES / "feeds", tmp_path / "feeds")
    config = yaml.safe_load((EXAMPLES / "demo.yaml").read_text())
    config["publish"].update(publish)
    path = tmp_path / "demo.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    result = CliRunner().invoke(cli, ["--config", str(path), "update", "--all"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return tmp_path / config["output"], str(config["site"]["base_url"])


def atom_files(site: Path, base_url: str) -> list[tuple[Path, str]]:
    files = sorted(site.rglob("*.atom"))
    return [(p, base_url + p.relative_to(site).as_posix()) for p in files]


def problems(events: list[list[object]]) -> list[str]:
    """Every event but the unknown-namespace warning for the deal namespace."""
    return [
        f"{Path(str(path)).name}: {severity} {kind}: {message}"
        for path, severity, kind, params, message in events
        if not (kind == "UnknownNamespace" and params.get("namespace") == DEAL_NS)
    ]


@pytest.mark.parametrize("feed_size", [50, 3], ids=["demo", "with-archive-pages"])
def test_every_published_atom_file_passes_the_w3c_validator(tmp_path: Path, feed_size: int) -> None:
    where = validator_path()
    site, base_url = demo_site(tmp_path, feed_size=feed_size)
    files = atom_files(site, base_url)
    if feed_size == 3:
        assert any(p.parts[-3] == "archive" for p, _ in files), "no archive page written"
    assert len(files) >= 20
    events = validate(where, files)
    assert problems(events) == []
    # The one warning left is ours and expected: every file declares the deal namespace.
    warned = {Path(str(e[0])) for e in events if e[2] == "UnknownNamespace"}
    assert warned == {p for p, _ in files}


def test_the_check_does_see_what_the_validator_reports(tmp_path: Path) -> None:
    """The harness fails what the validator objects to: two entries with one updated, an
    entry without an id, and a namespace other than ours."""
    where = validator_path()
    site, base_url = demo_site(tmp_path)
    text = (site / "feed.atom").read_text()
    entries = text.split("<entry>")
    assert len(entries) > 3
    one_time = "<updated>2026-03-01T00:00:00+00:00</updated>"
    same = re.sub(r"<updated>[^<]*</updated>", one_time, "<entry>".join(entries[1:]))
    same = re.sub(r"<id>[^<]*</id>", "", same, count=1)  # the first entry's id
    broken = (entries[0] + "<entry>" + same).replace(DEAL_NS, "https://example.com/other-ns")
    bad = site / "broken.atom"
    bad.write_text(broken)
    kinds = {
        line.split(": ")[1] for line in problems(validate(where, [(bad, base_url + "feed.atom")]))
    }
    assert {"warning DuplicateUpdated", "warning UnknownNamespace"} <= kinds
    assert any(k.startswith("error ") for k in kinds), kinds
