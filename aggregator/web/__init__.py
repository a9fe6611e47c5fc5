"""web: serves the published site directory over HTTP (aiohttp.web).

It only reads files below the site directory; it never fetches and never opens the
database (readiness is a callable it is given). Private modules: ``_app`` (the application
and its endpoints), ``_static`` (files with validators, 304s, gzip and a small cache).
"""

from __future__ import annotations

from ._app import Readiness, bound_port, feed_links, feed_types, make_app, start_server

__all__ = ["Readiness", "bound_port", "feed_links", "feed_types", "make_app", "start_server"]
