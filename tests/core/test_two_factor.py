"""The second factor: staff who have given only their password reach nothing but the pages that
let them finish signing in; a code from their app or a backup code lets them in."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.models import AuditEvent
from tests import factories
from tests.second_factor import app_device, code_now
from tests.test_permissions import MATRIX

pytestmark = pytest.mark.django_db

OPEN_TO_HALF_SIGNED_IN = {
    "two_factor_verify",
    "two_factor_setup",
    "two_factor_backup_codes",
    "logout",
    "healthz",
}


def password_only(client, user):
    response = client.post("/sign-in/", {"username": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    return client


def test_setting_is_on_in_tests(settings):
    assert settings.TWO_FACTOR_REQUIRED


@pytest.mark.parametrize("make", [factories.officer, factories.admin])
def test_staff_without_an_app_are_sent_to_set_one_up(client, make):
    password_only(client, make())
    response = client.get("/panels/")
    assert response.status_code == 302
    assert response.url == "/two-factor/set-up/?next=%2Fpanels%2F"


def test_staff_with_an_app_are_asked_for_the_code(client):
    user = factories.officer()
    app_device(user)
    password_only(client, user)
    response = client.get("/")
    assert response.url == "/two-factor/?next=%2F"


@pytest.mark.parametrize("name", sorted(set(MATRIX) - OPEN_TO_HALF_SIGNED_IN))
def test_password_alone_opens_no_page_get_or_post(client, name, councillor, officer, portal_admin):
    # The officer has an app (asked for the code); the admin has none (sent to set one up).
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs() if row.kwargs else None)
    app_device(officer)
    for user, goes_to in ((officer, "/two-factor/?next="), (portal_admin, "/two-factor/set-up/")):
        signed = password_only(type(client)(), user)
        for method in (signed.get, signed.post):
            response = method(url)
            assert response.status_code == 302, f"{method.__name__} {url}: {response.status_code}"
            assert response.url.startswith(goes_to), f"{url} went to {response.url}"


def test_code_from_the_app_finishes_signing_in_and_is_recorded(client):
    user = factories.officer()
    device = app_device(user)
    password_only(client, user)
    response = client.post("/two-factor/?next=/panels/", {"code": code_now(device)})
    assert response.status_code == 302
    assert response.url == "/panels/"
    assert client.get("/panels/").status_code == 200
    assert AuditEvent.objects.filter(actor=user, action="second factor verified").exists()


def test_a_code_works_once(client):
    user = factories.admin()
    device = app_device(user)
    code = code_now(device)
    password_only(client, user)
    assert client.post("/two-factor/", {"code": code}).status_code == 302
    other = password_only(type(client)(), user)
    response = other.post("/two-factor/", {"code": code})
    assert response.status_code == 200
    assert "The security code is not right" in response.text


def test_wrong_code_is_refused_with_a_govuk_error(client):
    user = factories.officer()
    app_device(user)
    password_only(client, user)
    response = client.post("/two-factor/", {"code": "000000"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert client.get("/panels/").status_code == 302


def test_off_site_next_is_ignored(client):
    user = factories.officer()
    device = app_device(user)
    password_only(client, user)
    response = client.post("/two-factor/?next=https://evil.example/", {"code": code_now(device)})
    assert response.url == "/"


def test_enrolment_confirms_the_app_and_shows_backup_codes_once(client):
    user = factories.officer()
    password_only(client, user)
    page = client.get("/two-factor/set-up/")
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.text
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/two-factor/set-up/?next=/offer/", {"code": code_now(device)})
    assert response.status_code == 302
    shown = client.get(response.url)
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in shown.text for code in codes)
    assert codes[0] not in client.get("/two-factor/backup-codes/").text  # shown once
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/offer/manage/").status_code == 200


def test_backup_code_signs_in_once(client):
    user = factories.admin()
    app_device(user)
    from corporate_parenting.two_factor import backup_codes_renew

    code = backup_codes_renew(user=user)[0]
    password_only(client, user)
    assert client.post("/two-factor/", {"code": code.upper()}).status_code == 302
    assert client.get("/settings/").status_code == 200
    second = password_only(type(client)(), user)
    assert second.post("/two-factor/", {"code": code}).status_code == 200


def test_half_signed_in_cannot_replace_the_app(client):
    user = factories.officer()
    app_device(user)
    password_only(client, user)
    response = client.get("/two-factor/set-up/")
    assert response.url.startswith("/two-factor/?next=")
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()


def test_councillors_are_not_asked_unless_they_opt_in(client):
    user = factories.councillor()
    password_only(client, user)
    assert client.get("/champions/engagements/").status_code == 200
    app_device(user)  # opted in
    fresh = password_only(type(client)(), user)
    assert fresh.get("/champions/engagements/").url.startswith("/two-factor/")


def test_requirement_off_lets_staff_in_with_a_password(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    password_only(client, factories.officer())
    assert client.get("/panels/").status_code == 200


def test_the_tests_phone_gives_a_fresh_accepted_code_each_time(officer):
    """Browser journeys sign the same person in several times a minute: each code must work."""
    from tests.second_factor import app_device, code_now

    device = app_device(officer)
    for _ in range(3):
        assert device.verify_token(code_now(device))
        device.refresh_from_db()
