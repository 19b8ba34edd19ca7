"""create_admin: the first admin of an empty portal, with a link printed once."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from corporate_parenting.models import Invitation, Role, User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "first-admin-long-password"


def create_admin(*args: str) -> str:
    out = io.StringIO()
    call_command("create_admin", *args, stdout=out)
    return out.getvalue()


def printed_path(output: str) -> str:
    [url] = re.findall(r"https?://\S+/invitation/\S+/", output)
    return url[url.index("/invitation/") :]


def test_makes_an_admin_and_prints_a_link_that_sets_the_password(client):
    output = create_admin("First.Admin@Example.org", "--name", "Morgan Blake")
    admin = User.objects.get(email="first.admin@example.org")
    assert admin.full_name == "Morgan Blake"
    assert admin.is_active and admin.roles == {Role.ADMIN}
    assert not admin.has_usable_password()
    assert output.count("/invitation/") == 1
    path = printed_path(output)
    # The printed secret is not stored.
    assert path.split("/")[2] not in Invitation.objects.get().token_hash

    page = client.get(path)
    assert page.status_code == 200
    assert b"first.admin@example.org" in page.content
    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    signed_in = client.post(
        "/sign-in/", {"username": "first.admin@example.org", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302
    # Once only.
    assert Client().get(path).status_code == 410


def test_refuses_an_address_already_in_use():
    create_admin("admin.one@example.org")
    with pytest.raises(CommandError, match="already in use"):
        create_admin("ADMIN.ONE@example.org", "--name", "Someone Else")
    assert User.objects.count() == 1
    assert Invitation.objects.count() == 1


def test_a_second_run_with_another_address_makes_another_admin():
    create_admin("admin.one@example.org")
    output = create_admin("admin.two@example.org", "--name", "Second Admin")
    assert "/invitation/" in output
    assert set(User.objects.values_list("email", flat=True)) == {
        "admin.one@example.org",
        "admin.two@example.org",
    }
    assert all(user.is_portal_admin for user in User.objects.all())


def test_refuses_something_that_is_not_an_address():
    with pytest.raises(CommandError, match="not an e-mail address"):
        create_admin("not an address")
    assert not User.objects.exists()


def test_works_on_an_empty_database_without_the_role_groups(django_user_model):
    from django.contrib.auth.models import Group

    Group.objects.all().delete()
    create_admin("admin.one@example.org")
    assert User.objects.get().is_portal_admin
