"""WebSub publisher notification: tell the hub which topics (feed URLs) changed."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

USER_AGENT = "aggregator-websub/0.1"


def _ping_one(hub_url: str, topic: str, timeout: float) -> str | None:
    """POST ``hub.mode=publish&hub.url=topic``; an error message, or None on 2xx."""
    body = urlencode({"hub.mode": "publish", "hub.url": topic}).encode("ascii")
    request = Request(
        hub_url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "User-Agent": USER_AGENT},
    )
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
            status = int(response.status)
    except HTTPError as exc:
        exc.close()
        return f"{topic}: hub answered HTTP {exc.code}"
    except (URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return f"{topic}: {reason}"
    if not 200 <= status < 300:
        return f"{topic}: hub answered HTTP {status}"
    return None


def ping_hub(hub_url: str, topic_urls: Sequence[str], *, timeout: float = 10.0) -> list[str]:
    """Notify ``hub_url`` of each changed topic (one POST per topic); returns the errors."""
    if urlsplit(hub_url).scheme.lower() not in ("http", "https"):
        return [f"{hub_url}: the hub must be an http(s) URL"]
    errors = []
    for topic in dict.fromkeys(topic_urls):
        error = _ping_one(hub_url, topic, timeout)
        if error:
            errors.append(error)
    return errors
