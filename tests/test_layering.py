"""The layering of ../shared/DESIGN.md, checked on the import statements themselves.

Stage modules (config, fetch, parse, store, stories, deals, publish, web) may import only
``models``, ``errors``, ``headlines``, their own private modules and the small helpers listed with them;
never another stage, and never the pipeline, service or cli. Nothing imports cli.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "aggregator"
SHARED = {"aggregator", "aggregator.models", "aggregator.errors",
          "aggregator.headlines"}        # the shape of a headline: digests (stories, deals)
STAGES: dict[str, set[str]] = {
    # stage: the packages that belong to it
    "config": {"config"},
    "fetch": {"fetch"},
    "parse": {"parse"},
    "store": {"store"},
    "stories": {"stories"},
    "deals": {"deals"},
    "alerts": {"alerts"},
    "publish": {"publish"},
    "web": {"web"},
}
ALLOWED = {("deals", "config")}    # tag rules are user regexes, compiled as config compiles them


def _module_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    module = _module_of(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found |= {f"{name}.{a.name}" for a in node.names}
    return {n for n in found if n.startswith("aggregator")}


def _top(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_stage_modules_do_not_import_each_other() -> None:
    problems = []
    owner = {m: stage for stage, mods in STAGES.items() for m in mods}
    for path in PACKAGE.rglob("*.py"):
        top = _top(_module_of(path))
        stage = owner.get(top)
        if stage is None:
            continue
        for name in _imports(path):
            other = _top(name)
            if name in SHARED or other in ("models", "errors", "__version__", ""):
                continue
            if (stage, owner.get(other)) in ALLOWED:
                continue
            if owner.get(other) != stage and other in {m for ms in STAGES.values() for m in ms} | {
                    "cycle", "runtime"}:
                problems.append(f"{_module_of(path)} imports {name}")
    assert sorted(set(problems)) == []


def test_nothing_imports_cli() -> None:
    offenders = [str(p) for p in PACKAGE.rglob("*.py")
                 if p.name not in ("cli.py", "__main__.py")
                 and any(n.startswith("aggregator.runtime.cli") for n in _imports(p))]
    assert offenders == []
