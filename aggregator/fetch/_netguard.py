"""Destination checks for outgoing connections (private to :mod:`aggregator.fetch`).

Two places enforce the same rule, so no connection escapes it:

* :func:`check_literal_host` for URLs whose host is an IP literal (aiohttp never asks the
  resolver about those), called on every redirect hop before the request is sent;
* :class:`GuardedResolver`, an aiohttp resolver wrapping the real one, for DNS names: the
  addresses it hands to the connector are the ones actually connected to, so a name that
  resolves to a public address once and to ``127.0.0.1`` later (DNS rebinding) is caught.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from aiohttp.abc import AbstractResolver, ResolveResult

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

# Checked in this order; the first flag that is set names the refusal.
_FLAGS = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_private", "private"),
    ("is_reserved", "reserved"),
)


class BlockedAddressError(OSError):
    """A destination address is refused by the private-network policy."""

    def __init__(self, message: str, address: str) -> None:
        super().__init__(message)
        self.address = address


def find_blocked(exc: BaseException) -> BlockedAddressError | None:
    """The policy refusal behind an exception (an HTTP client wraps it in its own)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, BlockedAddressError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped, NAT64, 6to4), if any."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def blocked_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be connected to (e.g. ``"loopback"``), or None when it may.

    IPv6 forms that embed an IPv4 address are judged by that address, so
    ``::ffff:127.0.0.1`` is loopback. Anything that is not globally routable (shared
    address space 100.64/10, documentation ranges, ...) is refused as well.
    """
    inner = embedded_ipv4(ip)
    if inner is not None:
        reason = blocked_reason(inner)
        return None if reason is None else f"{reason} (as {inner})"
    for attr, label in _FLAGS:
        if getattr(ip, attr):
            return label
    if not ip.is_global:
        return "not globally routable"
    return None


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address (brackets and IPv6 zone allowed), or None for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def parse_networks(cidrs: Iterable[str]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(c, strict=False) for c in cidrs)


class AddressPolicy:
    """Which destination addresses may be connected to."""

    def __init__(self, *, allow_private: bool, exempt: Iterable[str] = ()) -> None:
        self.allow_private = allow_private
        self.exempt = parse_networks(exempt)

    def refusal(self, ip: IPAddress, host: str) -> str | None:
        """A message naming the refused address, or None when ``ip`` is allowed."""
        if self.allow_private:
            return None
        judged = embedded_ipv4(ip) or ip
        if any(judged.version == n.version and judged in n for n in self.exempt):
            return None
        reason = blocked_reason(ip)
        if reason is None:
            return None
        via = "" if parse_ip(host) == ip else f" ({host} resolves to it)"
        return f"destination {ip} is {reason}{via}; private networks are not allowed"


def check_literal_host(policy: AddressPolicy, host: str) -> None:
    """Raise :class:`BlockedAddressError` when ``host`` is a refused IP literal."""
    ip = parse_ip(host)
    if ip is None:
        return
    message = policy.refusal(ip, host)
    if message is not None:
        raise BlockedAddressError(message, str(ip))


class GuardedResolver(AbstractResolver):
    """Resolves with ``inner`` and drops refused addresses; refuses when none is left."""

    def __init__(self, inner: AbstractResolver, policy: AddressPolicy, *, owns_inner: bool) -> None:
        self._inner = inner
        self._policy = policy
        self._owns_inner = owns_inner

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        allowed: list[ResolveResult] = []
        refusals: list[tuple[str, str]] = []
        for result in results:
            ip = parse_ip(result["host"])
            message = (
                f"resolver returned a non-address {result['host']!r}"
                if ip is None
                else self._policy.refusal(ip, host)
            )
            if message is None:
                allowed.append(result)
            else:
                refusals.append((message, result["host"]))
        if not allowed and refusals:
            message, address = refusals[0]
            raise BlockedAddressError(message, address)
        return allowed

    async def close(self) -> None:
        if self._owns_inner:
            await self._inner.close()
