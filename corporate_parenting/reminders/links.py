"""The links in every e-mail: to the thing itself, to the person's reminder settings (signed,
expiring, usable without signing in) and, for alerts, to confirm or unsubscribe."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

SETTINGS_SALT = "corporate_parenting.reminders.settings-link"


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.PORTAL_BASE_URL}{path}"


def settings_token(*, user_id: int, kind: str = "") -> str:
    """A signed, timestamped token naming the person (and the kind the e-mail was about, for a
    one-click unsubscribe from that kind)."""
    return signing.dumps({"u": user_id, "k": kind}, salt=SETTINGS_SALT, compress=True)


@dataclass(frozen=True)
class SettingsLink:
    user_id: int
    kind: str


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def read_settings_token(token: str) -> SettingsLink:
    max_age = settings.REMINDERS_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=SETTINGS_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise LinkInvalid
    return SettingsLink(user_id=data["u"], kind=str(data.get("k") or ""))


def settings_url(*, user_id: int, kind: str = "") -> str:
    token = settings_token(user_id=user_id, kind=kind)
    return absolute(reverse("reminders:preferences_signed", kwargs={"token": token}))


def unsubscribe_url(token: str) -> str:
    return absolute(reverse("panels:alert_unsubscribe", kwargs={"token": token}))


def confirm_url(token: str) -> str:
    return absolute(reverse("panels:alert_confirm", kwargs={"token": token}))
