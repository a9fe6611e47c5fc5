"""Fetch an Atom feed from a URL and print its entries as "<id>\\t<title>" lines, sorted by id.

Used by the container smoke test (stdlib only, so it runs with any host python3).
Exits 1 with a message when the document cannot be fetched or is not an Atom feed.

Usage: python3 atom_entries.py URL [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(document: bytes) -> list[tuple[str, str]]:
    """(id, title) of every top-level entry of an Atom feed document."""
    root = ET.fromstring(document)
    if root.tag != ATOM + "feed":
        raise ValueError(f"not an Atom feed: root element {root.tag}")
    found = []
    for entry in root.findall(ATOM + "entry"):
        found.append(
            (
                (entry.findtext(ATOM + "id") or "").strip(),
                (entry.findtext(ATOM + "title") or "").strip(),
            )
        )
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    try:
        with urllib.request.urlopen(args.url, timeout=args.timeout) as response:  # noqa: S310
            document = response.read()
        for entry_id, title in entries(document):
            print(f"{entry_id}\t{title}")
    except (OSError, ValueError, ET.ParseError) as exc:
        print(f"atom_entries: {args.url}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
