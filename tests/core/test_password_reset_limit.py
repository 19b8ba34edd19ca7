"""A password reset link may be asked for an address only so often, and the answer when it is
refused is the same whether the address has an account or not."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LIMITED = "Too many requests have been made for this e-mail address"


def ask(client: Client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def as_seen(response, email: str):
    """Status, where it leads and the form's errors: what the person sees but the address."""
    errors = response.context["form"].errors if response.status_code == 200 else None
    return response.status_code, response.get("Location"), errors


def test_an_address_gets_only_so_many_links_in_the_window(officer, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 3
    client = Client()
    for _ in range(3):
        assert ask(client, "officer@example.org").status_code == 302
    assert len(mail.outbox) == 3
    refused = ask(Client(), "Officer@Example.org")
    assert refused.status_code == 200
    assert LIMITED in refused.text
    assert "Wait 60 minutes" in refused.text
    assert len(mail.outbox) == 3
    # Another address is not held back, even from the same visitor.
    assert ask(client, "someone-else@example.org").status_code == 302


def test_the_refusal_is_the_same_for_an_address_with_no_account(officer, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 2
    seen = {}
    for email in ("officer@example.org", "nobody@example.org"):
        client = Client()
        answers = [as_seen(ask(client, email), email) for _ in range(3)]
        seen[email] = answers
    assert seen["officer@example.org"] == seen["nobody@example.org"]
    assert LIMITED in str(seen["nobody@example.org"][-1][2])


def test_a_malformed_address_is_not_counted(settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 1
    client = Client()
    for _ in range(3):
        assert "correct format" in ask(client, "not-an-address").text
    assert ask(client, "nobody@example.org").status_code == 302
