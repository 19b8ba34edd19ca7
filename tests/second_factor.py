"""Completing the second factor in tests the way a person does: with a device of their own."""

import time

import django_otp
from django.http import HttpRequest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.models import User


def app_device(user: User) -> TOTPDevice:
    """The person's confirmed authenticator app, made when they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def verify_session(client: Client, user: User) -> None:
    """Mark the client's signed-in session as having passed the second factor, through
    django-otp's own login helper, with a device made for this user."""
    request = HttpRequest()
    request.session = client.session
    request.user = user
    django_otp.login(request, app_device(user))
    request.session.save()


def sign_in_verified(client: Client, user: User) -> Client:
    client.force_login(user)
    verify_session(client, user)
    return client


def code_now(device: TOTPDevice) -> str:
    """The code the phone shows now, or in the next time step when this one was already used
    (a code works once); waits for that step only when it lies beyond the device's tolerance.

    django-otp accepts the time steps now + drift - tolerance to now + drift + tolerance, after
    the last one used; the token is computed for the step itself (drift 0), not shifted again.
    """
    device.refresh_from_db()
    real = int((time.time() - device.t0) // device.step)
    wanted = max(real + device.drift, device.last_t + 1)
    latest = real + device.drift + device.tolerance
    if wanted > latest:
        wait_until = (wanted - device.drift - device.tolerance) * device.step + device.t0
        time.sleep(max(0.0, wait_until - time.time()) + 0.1)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, 0)
    totp.time = wanted * device.step + device.t0
    return f"{totp.token():0{device.digits}d}"
