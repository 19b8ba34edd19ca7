"""The portal's own system checks, beside Django's (`manage.py check --deploy`)."""

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


def base_url_problem(address: str) -> str:
    """What is wrong with PORTAL_BASE_URL as a live portal's address, or "" when nothing is.

    Every link in an e-mail (invitations, password links, reminders, alerts) and the first
    admin's link from create_admin starts with it: the workers that send them have no request
    to take the address from. The one rule, for the settings (production refuses to start) and
    for the deployment check below.
    """
    if not address:
        return "PORTAL_BASE_URL is not set: e-mails would carry no working link."
    parts = urlsplit(address)
    if parts.scheme != "https" or not parts.hostname:
        return (
            f"PORTAL_BASE_URL must be the portal's https:// address, not {address!r}: "
            "every link in an e-mail starts with it."
        )
    if parts.hostname in {"127.0.0.1", "localhost", "::1"}:
        return f"PORTAL_BASE_URL {address!r} names this machine, not the portal's public address."
    if parts.query or parts.fragment or any(char.isspace() for char in address):
        return f"PORTAL_BASE_URL {address!r} must be a plain address, with no ? or # part."
    return ""


@register(Tags.security, deploy=True)
def check_portal_base_url(app_configs: Sequence[Any] | None, **kwargs: Any) -> list[CheckMessage]:
    problem = base_url_problem(settings.PORTAL_BASE_URL)
    if not problem:
        return []
    return [
        Error(
            problem,
            hint="Set PORTAL_BASE_URL to the address people open the portal at, "
            "e.g. https://corporate-parenting.example.gov.uk",
            id="portal.E001",
        )
    ]
