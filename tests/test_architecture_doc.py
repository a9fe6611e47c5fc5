"""docs/architecture.md's table of caches against the code: every ``code_version`` key is
listed by its identifier, and every test named as a cache's guard exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "aggregator"


def _caches_section() -> str:
    text = (ROOT / "docs" / "architecture.md").read_text()
    return text.split("\n## Caches\n", 1)[1].split("\n## ", 1)[0]


def _listed() -> set[str]:
    """The identifiers in the first column of the caches table."""
    rows = [line for line in _caches_section().splitlines() if line.startswith("| `")]
    return {m for line in rows for m in re.findall(r"`([^`]+)`", line.split("|")[1])}


def _calls(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "code_version"
        for n in ast.walk(node)
    )


def key_sites(root: Path = PACKAGE) -> tuple[set[str], list[str]]:
    """(names of module constants made with ``code_version``, calls made anywhere else)."""
    names, stray = set(), []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and _calls(node):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
            elif _calls(node) and not (
                isinstance(node, ast.FunctionDef) and node.name == "code_version"
            ):
                stray.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return names, stray


def test_every_code_version_key_is_in_the_caches_table() -> None:
    names, stray = key_sites()
    assert stray == []  # a key is a named per-process constant, computed once
    assert {"FEATURES_VERSION", "CLASSIFIER_VERSION", "RENDER_VERSION"} <= names
    assert names - _listed() == set()


def test_the_check_sees_a_new_unlisted_key(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(
        "from aggregator import code_version\n"
        "NEW_CACHE = f\"x+{code_version('pkg')}\"\n"
        "def f():\n    return code_version('other')\n"
    )
    names, stray = key_sites(tmp_path)
    assert names == {"NEW_CACHE"} and "NEW_CACHE" not in _listed()
    assert stray == ["tmp_path/pkg/m.py:3".replace("tmp_path", tmp_path.name)]


def test_every_guarding_test_named_in_the_table_exists() -> None:
    named = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", _caches_section())
    assert len(named) >= 10
    missing = [
        f"{path}::{test}"
        for path, test in named
        if not re.search(rf"^def {test}\(", (ROOT / path).read_text(), re.MULTILINE)
    ]
    assert missing == []
