import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client: Client, email: str, password: str):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_sign_in_with_email_takes_you_home(councillor):
    client = Client()
    response = sign_in(client, "Councillor@Example.org", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert "Hello, Ada" in home.text


def test_wrong_password_shows_error_and_keeps_email(councillor):
    response = sign_in(Client(), "councillor@example.org", "wrong")
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter a correct e-mail address and password" in response.text
    assert 'value="councillor@example.org"' in response.text


def test_empty_form_says_what_is_missing(db):
    response = Client().post(reverse("login"), {})
    assert "Enter your e-mail address" in response.text
    assert "Enter your password" in response.text
    assert response.text.count("govuk-error-message") == 2


def test_repeated_failures_lock_the_account_from_that_address(councillor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "councillor@example.org", "wrong").status_code == 200
    locked = sign_in(client, "councillor@example.org", "wrong")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.text
    # Even the right password is refused while the lock lasts.
    again = sign_in(client, "councillor@example.org", PASSWORD)
    assert again.status_code == 429


def test_changing_the_case_of_the_address_does_not_evade_the_lock(councillor, settings):
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        email = "councillor@example.org" if n % 2 else "COUNCILLOR@example.org"
        sign_in(client, email, "wrong")
    assert sign_in(client, "Councillor@Example.org", PASSWORD).status_code == 429


def test_lock_does_not_touch_other_accounts(councillor, officer, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "councillor@example.org", "wrong")
    assert sign_in(client, "officer@example.org", PASSWORD).status_code == 302


def test_sign_out_needs_post_and_ends_the_session(client_for):
    client = client_for("officer")
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"), follow=True)
    assert "You have signed out" in response.text
    assert "Sign in" in response.text
    assert client.get(reverse("password_change")).status_code == 302


def test_password_reset_sends_a_working_link(officer):
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "officer@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@example.org"]
    assert "Set a new password" in message.subject
    found = re.search(r"http://testserver(/password/reset/\S+/)", str(message.body))
    assert found is not None
    link = found.group(1)
    form_page = client.get(link, follow=True)
    assert "Set a new password" in form_page.text
    new_password = "a-much-longer-new-password-42"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert "Your password has been changed" in done.text
    assert sign_in(Client(), "officer@example.org", new_password).status_code == 302


def test_password_reset_for_unknown_address_says_the_same(db):
    response = Client().post(
        reverse("password_reset"), {"email": "nobody@example.org"}, follow=True
    )
    assert "Check your e-mail" in response.text
    assert mail.outbox == []


def test_password_change_keeps_you_signed_in(client_for, councillor):
    client = client_for("councillor")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-password-77",
            "new_password2": "another-long-password-77",
        },
        follow=True,
    )
    assert "Your password has been changed" in response.text
    assert "Sign out" in response.text
