"""The address of the person making a request, which the sign-in lockout, the sign-in throttle,
the feedback limit and the audit trail count against; and the limits on how often an e-mail
address may be asked about (a password reset link, an alert sign-up), whoever asks.

In production the portal sits behind the council's TLS proxy, so REMOTE_ADDR is the proxy's
address for everyone. The proxy says who it is passing on in X-Forwarded-For, but anyone can send
that header: it is believed only when the request comes from an address in TRUSTED_PROXIES
(addresses or networks), and then read from the right, skipping the trusted proxies, so a
visitor who puts an address of their own at the left of the header gains nothing.

(django-ipware's trusted-proxy list matches addresses inside the header, not the peer that sent
it, so a visitor reaching the server directly could still choose their address; this module
anchors trust on REMOTE_ADDR.)
"""

import hashlib
import hmac
from functools import cache
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from django.conf import settings
from django.core.cache import cache as shared_cache
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


# Limits on an e-mail address ------------------------------------------------------------------
# Someone who types another person's address into the password reset or the alert sign-up again
# and again would fill that person's inbox; a limit per client address does not stop them from
# many addresses. So each e-mail address asked about is counted too, in the cache (shared by
# every process when CACHE_URL is Redis), under a keyed hash rather than the address itself. It
# is counted whether or not the address has an account or a subscription, and the refusal is the
# same, so it says nothing about either.

EMAIL_LIMIT_MESSAGE = (
    "Too many requests have been made for this e-mail address. "
    "Wait {minutes} minutes, then try again."
)


def _email_key(purpose: str, email: str) -> str:
    normalised = email.strip().lower()
    digest = hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256)
    return f"email-limit:{purpose}:{digest.hexdigest()[:40]}"


def count_in_window(key: str, *, seconds: int) -> int:
    """Count one more under key in the cache, and say how many there have been in the window,
    which starts at the first of them and lasts `seconds`. One atomic increment (INCR, when
    CACHE_URL names Redis), so every web process counts together and none writes over another's
    count: the sign-in, e-mail and feedback limits and the open data API's throttle count here."""
    shared_cache.add(key, 0, timeout=seconds)  # a no-op when the count already exists
    try:
        return int(shared_cache.incr(key))
    except ValueError:  # expired between add() and incr()
        shared_cache.set(key, 1, timeout=seconds)
        return 1


def email_over_limit(*, purpose: str, email: str, limit: int, window_minutes: int) -> bool:
    """Count one more request about this e-mail address for purpose, and say whether it is
    past the limit: more than limit in the window, which starts at the first of them."""
    key = _email_key(purpose, email)
    return count_in_window(key, seconds=int(window_minutes) * 60) > int(limit)


def email_limit_message(window_minutes: int) -> str:
    return EMAIL_LIMIT_MESSAGE.format(minutes=window_minutes)
