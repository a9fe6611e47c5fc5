"""Every CLI command is documented in the README (a new command without docs fails here)."""

from __future__ import annotations

from pathlib import Path

import click

from aggregator.runtime.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def _commands(group: click.Group, prefix: str = "aggregator") -> list[str]:
    names = []
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            names += _commands(command, full)
        else:
            names.append(full)
    return names


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [c for c in _commands(cli) if f"`{c}" not in readme]
    assert missing == []


def test_every_cli_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = []
    for name in _commands(cli):
        group: click.Command = cli
        for part in name.split()[1:]:
            group = group.commands[part]  # type: ignore[attr-defined]
        for param in group.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in ("--help",) and opt not in readme:
                    missing.append(f"{name} {opt}")
    assert missing == []


def test_readme_quick_start_has_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in section.splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make run", "make test"]


def test_changelog_has_unreleased_section() -> None:
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text()


def test_architecture_lists_every_package_with_its_layer() -> None:
    """docs/architecture.md's package table: every package of aggregator/ (a new package
    without a row fails), none that is gone, each with what ``aggregator.LAYERS`` lets it
    import."""
    from aggregator import LAYERS

    doc = (ROOT / "docs" / "architecture.md").read_text()
    table = doc.split("| package | its one job | may import |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows[cells[0].strip("`")] = tuple(
            c.strip().strip("`") for c in cells[2].split(",") if c.strip() not in ("—", "")
        )
    packages = {p.parent.name for p in (ROOT / "aggregator").glob("*/__init__.py")}
    assert set(rows) == packages
    assert list(rows) == list(LAYERS)  # in flow order
    assert rows == LAYERS
    assert "## Caches" in doc


def test_feeds_doc_lists_every_output_format() -> None:
    """docs/feeds.md's Formats table names each format of publish's registry (a format
    added without its row fails here)."""
    from aggregator.publish import _formats

    text = (ROOT / "docs" / "feeds.md").read_text()
    section = text.split("\n## Formats\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`" in line]
    listed = [tuple(line.split("`")[1::2][:2]) for line in rows]
    assert listed == [(f.suffix, f.media_type) for f in _formats.FORMATS]
