"""The site's installation marker: which database a published site was made from.

Story ids are per database, so a site made from one database and published over from
another (a deleted database silently recreated, another installation pointed at the same
directory) would give ``tag:…:story/1`` to a different story, and readers would take new
stories for read. Every publish writes the database's installation id
(:meth:`~aggregator.store.Store.installation_id`) to :data:`MARKER`; a publish finding
another id there is refused unless ``publish.adopt_site`` (or ``--adopt-site``) says to take
the site over. A site without a marker (new, or published by older code) is taken as it is.
"""

from __future__ import annotations

from pathlib import Path

from aggregator.errors import PublishError

MARKER = ".installation"  # a dotfile: the web server never serves it


def site_installation(out_dir: Path) -> str | None:
    """The installation id the site at ``out_dir`` was published from (None: no marker)."""
    try:
        text = (Path(out_dir) / MARKER).read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PublishError(
            f"{out_dir / MARKER}: cannot read the site marker: {exc.strerror or exc}"
        ) from exc
    return text.strip()[:200] or None


def check_site(out_dir: Path, installation: str, *, adopt: bool) -> None:
    """Refuse to publish from database ``installation`` over a site made from another."""
    found = site_installation(out_dir)
    if found is None or found == installation or adopt:
        return
    raise PublishError(
        f"{out_dir} was published from another database (installation {found}; this one is "
        f"{installation}): its story ids would name other stories. Publish into a new "
        "directory, or take the site over with publish.adopt_site: true (or --adopt-site)"
    )


def marker_bytes(installation: str) -> bytes:
    return f"{installation}\n".encode("ascii")
