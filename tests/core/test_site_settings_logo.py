"""The logo address is a secure web address or a path on this site: nothing a browser would run
or fetch from the person's own machine, and nothing sent in the clear. An address on another site,
which the Content-Security-Policy would stop every page showing, is refused with a message saying
so (the logo file can be uploaded instead)."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from corporate_parenting.models import SiteSettings
from corporate_parenting.services import site_settings_update
from tests.core.test_site_settings import form_data

pytestmark = pytest.mark.django_db

REFUSED = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    "file:///etc/passwd",
    "http://www.example.gov.uk/logo.png",
    "//evil.example.org/logo.png",
    "/\\evil.example.org/logo.png",
    "ftp://example.org/logo.png",
    "logo.png",
    "https://",
    "https://exa mple.org/logo.png",
    "/static/logo .png",
]
ACCEPTED = [
    "/static/images/council-logo.png",
    "/media/branding/crest.svg",
    "",
]
# Safe, but on another site: the policy's img-src is 'self' (and data:), so no page would show it.
BLOCKED = [
    "https://www.example.gov.uk/images/logo.svg",
    "HTTPS://www.example.gov.uk/logo.png",
    "https://evil.example.org/logo.png",
]
MESSAGE = "Enter an address starting https://, or a path on this site starting /"
BLOCKED_MESSAGE = "the portal's security policy (Content-Security-Policy) lets pages show images"


@pytest.mark.parametrize("address", REFUSED)
def test_the_form_refuses_a_logo_address_that_is_not_https_or_a_site_path(client_for, address):
    response = client_for("admin").post(reverse("site_settings"), form_data(logo_url=address))
    assert response.status_code == 200
    assert MESSAGE in " ".join(response.context["form"].errors["logo_url"])
    assert SiteSettings.load().logo_url == ""


@pytest.mark.parametrize("address", ACCEPTED)
def test_the_form_takes_an_https_logo_or_a_site_path(client_for, address):
    response = client_for("admin").post(reverse("site_settings"), form_data(logo_url=address))
    assert response.status_code == 302
    assert SiteSettings.objects.get().logo_url == address


@pytest.mark.parametrize("address", [*REFUSED, "/static/logo\r\n.png", "/logo.png\n"])
def test_every_way_of_saving_refuses_it(address):
    current = SiteSettings.load()
    with pytest.raises(ValidationError) as refused:
        site_settings_update(site_settings=current, logo_url=address)
    assert MESSAGE in refused.value.message_dict["logo_url"][0]
    current.logo_url = address
    with pytest.raises(ValidationError):
        current.full_clean()


def test_an_unsafe_logo_from_the_environment_is_not_used(settings):
    SiteSettings.objects.all().delete()
    settings.PORTAL_LOGO_URL = "javascript:alert(1)"
    assert SiteSettings.load().logo_url == ""


@pytest.mark.parametrize("address", BLOCKED)
def test_a_logo_on_another_site_is_refused_saying_the_policy_would_block_it(client_for, address):
    response = client_for("admin").post(reverse("site_settings"), form_data(logo_url=address))
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["logo_url"])
    assert BLOCKED_MESSAGE in error
    assert "Upload the logo file instead" in error
    assert "Browsers would not show a logo from" in response.text
    assert SiteSettings.load().logo_url == ""
    current = SiteSettings.load()
    with pytest.raises(ValidationError):
        site_settings_update(site_settings=current, logo_url=address)


def test_an_address_the_policy_allows_is_taken_and_shown(client_for, settings):
    policy = {**settings.CONTENT_SECURITY_POLICY}
    directives = {**policy["DIRECTIVES"]}
    directives["img-src"] = [*directives["img-src"], "https://assets.example.gov.uk/brand/"]
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}
    address = "https://assets.example.gov.uk/brand/logo.svg"
    response = client_for("admin").post(reverse("site_settings"), form_data(logo_url=address))
    assert response.status_code == 302
    assert f'src="{address}"' in client_for("anonymous").get("/").text
    elsewhere = "https://assets.example.gov.uk/other/logo.svg"
    response = client_for("admin").post(reverse("site_settings"), form_data(logo_url=elsewhere))
    assert BLOCKED_MESSAGE in " ".join(response.context["form"].errors["logo_url"])


def test_a_logo_address_the_policy_blocks_is_never_put_in_the_header(client_for, settings):
    SiteSettings.objects.filter(pk=SiteSettings.load().pk).update(
        logo_url="https://www.example.gov.uk/logo.png"
    )
    cache.delete(SiteSettings.CACHE_KEY)
    page = client_for("anonymous").get("/").text
    assert "www.example.gov.uk" not in page
    SiteSettings.objects.all().delete()
    cache.delete(SiteSettings.CACHE_KEY)
    settings.PORTAL_LOGO_URL = "https://www.example.gov.uk/logo.png"
    assert SiteSettings.load().logo_url == ""
