"""The container image: the real podman smoke test (opt-in) plus fast checks of its parts.

``test_container_smoke`` runs tests/container/smoke.sh (podman build of the real Dockerfile,
health, SIGTERM, restart on the same volume, non-root) only when AGGREGATOR_CONTAINER_TEST=1:
it needs root and takes ~30 s warm, a few minutes cold. CI runs smoke.sh directly.
The other tests are fast and always run: the Dockerfile keeps its contract, the smoke test's
config template is a valid config, and its helper scripts do what smoke.sh relies on.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType

import pytest

from aggregator.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "tests" / "container"
SMOKE = HERE / "smoke.sh"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"container_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------ the real thing


@pytest.mark.skipif(
    os.environ.get("AGGREGATOR_CONTAINER_TEST") != "1",
    reason="container smoke test: set AGGREGATOR_CONTAINER_TEST=1 "
    "(needs root + podman; CI runs tests/container/smoke.sh directly)",
)
def test_container_smoke() -> None:
    proc = subprocess.Popen(
        ["bash", str(SMOKE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=1800)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)  # smoke.sh's trap removes its containers
        out, err = proc.communicate(timeout=120)
        pytest.fail(f"smoke.sh took more than 30 min:\n{err[-4000:]}")
    assert proc.returncode == 0, err[-4000:]
    assert "PASS: container smoke test" in out


# ------------------------------------------------------------------------ the Dockerfile


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n", " ", text)
    lines = [line.strip() for line in joined.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in lines
        if line and not line.startswith("#")
    ]


def test_dockerfile_keeps_its_contract() -> None:
    steps = _instructions()
    assert steps[0] == ("ARG", "BASE=python:3.12-slim")
    froms = [arg for op, arg in steps if op == "FROM"]
    assert froms == ["${BASE} AS builder", "${BASE}"]  # multi-stage, one base
    runtime = steps[[op for op, _ in steps].index("FROM", 2) :]
    args = {op: arg for op, arg in runtime}  # the last of each kind
    assert args["USER"] not in ("root", "0")
    assert args["VOLUME"] == '["/data"]'
    assert args["EXPOSE"] == "8080"
    assert args["CMD"] == '["aggregator", "run"]'
    assert args["HEALTHCHECK"].endswith('CMD ["aggregator", "healthcheck"]')
    env = args["ENV"]
    for setting in (
        "AGGREGATOR_CONFIG=/etc/aggregator/feeds.yaml",
        "AGGREGATOR_DATABASE=/data/aggregator.db",
        "AGGREGATOR_OUTPUT=/data/site",
        "AGGREGATOR_HOST=0.0.0.0",
        "AGGREGATOR_PORT=8080",
    ):
        assert setting in env
    assert "curl" not in (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_smoke_config_template_is_a_valid_config(tmp_path: Path) -> None:
    text = (HERE / "feeds.yaml.in").read_text(encoding="utf-8")
    config = tmp_path / "feeds.yaml"
    config.write_text(
        text.replace("@FEED_URL@", "http://127.0.0.1:9/ai.xml").replace(
            "@BASE_URL@", "http://127.0.0.1:8080/"
        ),
        encoding="utf-8",
    )
    settings = load_settings(
        config, {"AGGREGATOR_DATABASE": str(tmp_path / "db"), "AGGREGATOR_PORT": "18080"}
    )
    assert settings.allow_private_networks is True
    assert [feed.url for feed in settings.feeds] == ["http://127.0.0.1:9/ai.xml"]
    assert settings.port == 18080 and settings.database == tmp_path / "db"


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_smoke_script_parses_and_refuses_to_fake_a_result() -> None:
    subprocess.run(["bash", "-n", str(SMOKE)], check=True, timeout=10)
    text = SMOKE.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in text
    assert text.count('echo "PASS: ') == 1 and text.rstrip().endswith('main "$@"')


# ------------------------------------------------------------------------ helper scripts


def test_feed_server_serves_the_expected_titles(tmp_path: Path) -> None:
    feed_server = _load("feed_server")
    port_file = tmp_path / "port"
    proc = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "feed_server.py"),
            "--port-file",
            str(port_file),
            "--lifetime",
            "30",
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not port_file.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        base = f"http://127.0.0.1:{port_file.read_text().strip()}"
        with urllib.request.urlopen(base + "/ai.xml", timeout=5) as response:
            body = response.read()
        titles = re.findall(rb"<item><title>(.*?)</title>", body)
        assert [t.decode() for t in titles] == [t.replace("&", "&amp;") for t in feed_server.TITLES]
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/other.xml", timeout=5)
        missing.value.close()
        assert missing.value.code == 404
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
    finally:
        proc.kill()
        proc.wait()


def test_atom_entries_lists_ids_and_titles_and_rejects_rss() -> None:
    atom_entries = _load("atom_entries")
    doc = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id>'
        b"<entry><id>tag:x,2026:story/2</id><title>Second</title></entry>"
        b"<entry><id>tag:x,2026:story/1</id><title> First </title>"
        b"<source><id>s</id><title>Source</title></source></entry></feed>"
    )
    assert atom_entries.entries(doc) == [
        ("tag:x,2026:story/1", "First"),
        ("tag:x,2026:story/2", "Second"),
    ]
    with pytest.raises(ValueError):
        atom_entries.entries(b'<rss version="2.0"><channel/></rss>')


def test_dockerfile_passes_hadolint() -> None:
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    exe = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(exe).exists():
        import os

        if os.environ.get("CI") == "true":
            raise AssertionError("hadolint is not installed (pip install -e '.[test]')")
        pytest.skip("hadolint not installed")
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(
        [exe, "--no-color", str(root / "Dockerfile")], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _mirror(apt: Path) -> subprocess.CompletedProcess[str]:
    """smoke.sh's debian_mirror, run on the apt directory ``apt``."""
    script = SMOKE.read_text()
    function = script[script.index("debian_mirror() {") :]
    function = function[: function.index("\n}\n") + 3]
    return subprocess.run(
        ["bash", "-c", f'SUITE=bookworm\n{function}\ndebian_mirror "$1"', "bash", str(apt)],
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    "files, mirror",
    [
        (
            {
                "sources.list.d/debian.sources": (
                    "Types: deb\nURIs: http://mirror.one.example/debian\n"
                    "Suites: trixie trixie-updates\n\n"
                    "Types: deb\nURIs: http://mirror.two.example/debian\n"
                    "Suites: bookworm bookworm-updates\n"
                )
            },
            "http://mirror.two.example/debian",
        ),
        (
            {
                "sources.list": (
                    "# a comment\ndeb http://security.example/debian-security bookworm-security"
                    " main\ndeb [arch=amd64] http://mirror.three.example/debian bookworm main\n"
                )
            },
            "http://mirror.three.example/debian",
        ),
        (
            {
                "sources.list": (
                    "deb http://security.example/debian-security trixie-security main\n"
                    "deb http://mirror.four.example/debian trixie main\n"
                )
            },
            "http://mirror.four.example/debian",
        ),
        (
            {
                "sources.list.d/debian.sources": (
                    "Types: deb\nURIs: http://security.example/debian-security\n"
                    "Suites: trixie-security\n\n"
                    "Types: deb\nURIs: http://mirror.five.example/debian\nSuites: trixie\n"
                )
            },
            "http://mirror.five.example/debian",
        ),
    ],
    ids=["deb822-suite", "one-line-with-options", "other-suite", "deb822-other-suite"],
)
def test_smoke_takes_the_mirror_from_apt_sources(
    tmp_path: Path, files: dict[str, str], mirror: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = _mirror(tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, mirror)


def test_smoke_without_a_mirror_in_apt_sources_says_so(tmp_path: Path) -> None:
    (tmp_path / "sources.list").write_text("# nothing but comments\n")
    result = _mirror(tmp_path)
    assert result.returncode != 0 and result.stdout == ""
    script = SMOKE.read_text()
    assert "deb.debian.org" not in script and "AGGREGATOR_SMOKE_MIRROR" in script
    assert "no Debian mirror in this machine's apt sources" in script
