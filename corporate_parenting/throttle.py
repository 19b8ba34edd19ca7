"""Failed sign-ins from one address, across every account (password spraying).

django-axes locks an account after a few failures from one address; someone trying one password
on many accounts never trips it. This counts every failed sign-in from an address, whatever the
account, and refuses sign-ins from that address for the rest of the window once it passes
SIGN_IN_ADDRESS_LIMIT. The limit is well above axes' per-account one, so a council office behind
one address is not stopped by a few people mistyping.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from corporate_parenting.client import client_address, count_in_window

MESSAGE = (
    "There have been too many failed sign-ins from your network. "
    "Wait {minutes} minutes, then try again."
)


def _key(request: HttpRequest) -> str:
    return f"sign-in-failures:{client_address(request)}"


def _window_seconds() -> int:
    return int(settings.SIGN_IN_ADDRESS_WINDOW_MINUTES) * 60


def sign_in_is_throttled(request: HttpRequest) -> bool:
    return (cache.get(_key(request)) or 0) >= int(settings.SIGN_IN_ADDRESS_LIMIT)


def sign_in_failed(request: HttpRequest) -> None:
    # The window starts at the first failure.
    count_in_window(_key(request), seconds=_window_seconds())


def throttled_message() -> str:
    return MESSAGE.format(minutes=settings.SIGN_IN_ADDRESS_WINDOW_MINUTES)
