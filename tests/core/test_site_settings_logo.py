"""The logo address is a secure web address or a path on this site: nothing a browser would run
or fetch from the person's own machine, and nothing sent in the clear."""

import pytest
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
    "https://www.example.gov.uk/images/logo.svg",
    "HTTPS://www.example.gov.uk/logo.png",
    "/static/images/council-logo.png",
    "",
]
MESSAGE = "Enter an address starting https://, or a path on this site starting /"


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
