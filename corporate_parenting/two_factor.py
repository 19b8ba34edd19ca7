"""The second factor at sign-in: officers and admins (and councillors who opt in) prove they hold
their authenticator app, or use a backup code, before any page of the portal opens to them.

django-otp keeps the devices and marks a session verified (`django_otp.login`); this module says
who must have one, sends a person who has given only their password to set one up or to enter a
code, and serves those pages. `TWO_FACTOR_REQUIRED` turns it off (development, by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast
from urllib.parse import urlencode

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.audit import audit_record
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.inputs import local_path
from corporate_parenting.models import User

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
SESSION_NEW_CODES = "two_factor_new_backup_codes"

# Paths a person who has given only their password may still open.
OPEN_PREFIXES = ("/two-factor/", "/sign-out/", "/static/", "/healthz")


def second_factor_required(user: User) -> bool:
    """Staff and partner representatives always; a councillor once they have set up an app
    (opting in)."""
    if user.is_superuser or user.is_council_staff or user.is_partner:
        return True
    return has_app(user)


def has_app(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _safe_next(request: HttpRequest, default: str = "/") -> str:
    """The page to go on to: a path on this site, never a URL name or another site."""
    return local_path(request, request.POST.get("next") or request.GET.get("next") or "", default)


class SecondFactorMiddleware:
    """Sends a signed-in person who owes a second factor to enter it (or set it up), whatever
    they ask for, GET or POST. After django_otp's OTPMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.TWO_FACTOR_REQUIRED and not request.path.startswith(OPEN_PREFIXES):
            user = request.user
            if (
                user.is_authenticated
                # is_verified() is added to the user by django-otp's OTPMiddleware, before this one.
                and not user.is_verified()  # type: ignore[attr-defined]
                and second_factor_required(user)
            ):
                target = "two_factor_verify" if has_app(user) else "two_factor_setup"
                following = request.get_full_path() if request.method == "GET" else "/"
                return redirect(f"{reverse(target)}?{urlencode({'next': following})}")
        return self.get_response(request)


# --- services ---------------------------------------------------------------------------------


def backup_codes_renew(*, user: User) -> list[str]:
    """A fresh set of backup codes; the old ones stop working. Shown once, never kept readable."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def app_device_pending(*, user: User) -> TOTPDevice:
    """The not-yet-confirmed app device this person is setting up (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def app_device_confirm(*, device: TOTPDevice) -> list[str]:
    """The app proved it holds the key: it becomes the person's device, with backup codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return backup_codes_renew(user=device.user)


# --- forms ------------------------------------------------------------------------------------


class CodeForm(GovUKFormMixin, forms.Form):
    submit_text = "Continue"
    code = forms.CharField(
        label="Security code",
        max_length=16,
        error_messages={"required": "Enter the security code"},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )

    def __init__(self, *args: object, help_text: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text

    def cleaned_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).lower()


# --- views ------------------------------------------------------------------------------------


def _signed_in_or_login(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def verify(request: HttpRequest) -> HttpResponse:
    """Enter the code from the app, or a backup code."""
    if (refused := _signed_in_or_login(request)) is not None:
        return refused
    user = cast(User, request.user)  # signed in: checked just above
    following = _safe_next(request)
    if request.user.is_verified():  # type: ignore[union-attr]  # added by django-otp's OTPMiddleware
        return redirect(following)
    if not has_app(user):
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': following})}")
    form = CodeForm(
        request.POST or None,
        help_text="The 6-digit code your authenticator app shows now, or one of your backup codes",
    )
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(user, form.cleaned_code())
        if device is not None:
            django_otp.login(request, device)
            _record(user, "second factor verified", device)
            return redirect(following)
        form.add_error("code", "The security code is not right: try the code your app shows now")
    return render(request, "two_factor/verify.html", {"form": form, "next": following})


def setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the key), then enter a code."""
    if (refused := _signed_in_or_login(request)) is not None:
        return refused
    user = cast(User, request.user)  # signed in: checked just above
    following = _safe_next(request)
    if has_app(user) and not request.user.is_verified():  # type: ignore[union-attr]  # added by django-otp's OTPMiddleware
        # Only someone who has proved the current app may replace it.
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': following})}")
    device = app_device_pending(user=user)
    form = CodeForm(request.POST or None, help_text="The 6-digit code your app shows")
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_code()):
            codes = app_device_confirm(device=device)
            django_otp.login(request, device)
            _record(user, "second factor set up", device)
            request.session[SESSION_NEW_CODES] = codes
            return redirect(
                f"{reverse('two_factor_backup_codes')}?{urlencode({'next': following})}"
            )
        allowed, _ = device.verify_is_allowed()
        form.add_error(
            "code",
            "The security code is not right: check the key and try again"
            if allowed
            else "Too many wrong codes: wait a few seconds, then enter the code your app shows now",
        )
    qr = segno.make(device.config_url, error="m")
    key = device.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "two_factor/setup.html",
        {
            "form": form,
            "next": following,
            "qr_data_uri": qr.svg_data_uri(scale=5, border=2),
            "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
            "required": second_factor_required(user) or settings.TWO_FACTOR_REQUIRED,
        },
    )


def backup_codes(request: HttpRequest) -> HttpResponse:
    """The new backup codes, shown once; a verified person may make a new set."""
    if (refused := _signed_in_or_login(request)) is not None:
        return refused
    user = cast(User, request.user)  # signed in: checked just above
    if not request.user.is_verified():  # type: ignore[union-attr]  # added by django-otp's OTPMiddleware
        return redirect("two_factor_verify")
    if request.method == "POST":
        request.session[SESSION_NEW_CODES] = backup_codes_renew(user=user)
        _record(user, "backup codes renewed", None)
        messages.success(request, "New backup codes made: the old ones no longer work")
        return redirect("two_factor_backup_codes")
    codes = request.session.pop(SESSION_NEW_CODES, None)
    return render(
        request, "two_factor/backup_codes.html", {"codes": codes, "next": _safe_next(request)}
    )


def _record(user: User, note: str, device: object | None) -> None:
    audit_record(actor=user, instance=user, action=note, note=str(device or ""))


def demo_devices_ensure(*, users: list[User]) -> dict[str, str]:
    """The demo staff get an app device and backup codes, so a demo run with the requirement on
    (tests, a demo server with DEBUG off) can sign them in. Returns one backup code per person
    whose devices were made now, to print once; an existing device is left alone."""
    made: dict[str, str] = {}
    for user in users:
        if not second_factor_required(user) or has_app(user):
            continue
        TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
        made[user.email] = backup_codes_renew(user=user)[0]
    return made
