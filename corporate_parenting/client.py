"""The address of the person making a request, which the sign-in lockout, the sign-in throttle,
the feedback limit and the audit trail count against.

In production the portal sits behind the council's TLS proxy, so REMOTE_ADDR is the proxy's
address for everyone. The proxy says who it is passing on in X-Forwarded-For, but anyone can send
that header: it is believed only when the request comes from an address in TRUSTED_PROXIES
(addresses or networks), and then read from the right, skipping the trusted proxies, so a
visitor who puts an address of their own at the left of the header gains nothing.

(django-ipware's trusted-proxy list matches addresses inside the header, not the peer that sent
it, so a visitor reaching the server directly could still choose their address; this module
anchors trust on REMOTE_ADDR.)
"""

from functools import cache
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


@cache
def _trusted_networks(entries: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    return tuple(ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def _is_trusted(address: str) -> bool:
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def _valid(address: str) -> str | None:
    try:
        return str(ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The visitor's address, or "unknown"."""
    peer = _valid(request.META.get("REMOTE_ADDR", "") or "")
    if peer is None:
        return UNKNOWN
    if not _is_trusted(peer):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = _valid(hop)
        if address is None:
            # A hop we cannot read: stop at the last address we could trust.
            return peer
        if not _is_trusted(address):
            return address
        peer = address
    return peer


def axes_client_address(request: HttpRequest) -> str | None:
    """For AXES_CLIENT_IP_CALLABLE (django-axes keeps it in an address column: no "unknown")."""
    address = client_address(request)
    return None if address == UNKNOWN else address
