import pytest
from django.urls import reverse

from corporate_parenting.models import SiteSettings, contrast_with_white

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "council_name": "Northshire Council",
        "service_name": "Corporate parenting",
        "brand_colour": "#00594f",
        "logo_url": "",
        "contact_email": "cpp@example.org",
        "political_year_start_month": "5",
    }
    data.update(changes)
    return data


def test_admin_rebrands_the_portal(client_for):
    client = client_for("admin")
    response = client.post(reverse("site_settings"), form_data(), follow=True)
    assert "Site settings saved" in response.text
    page = client_for("anonymous").get("/").text
    assert "Northshire Council" in page
    assert "--portal-brand: #00594f" in page
    assert 'href="mailto:cpp@example.org"' in page


def test_unreadable_colour_is_refused_and_nothing_is_lost(client_for):
    client = client_for("admin")
    response = client.post(
        reverse("site_settings"), form_data(brand_colour="#ffdd00", council_name="Kept Council")
    )
    assert response.status_code == 200
    assert "White text is hard to read on this colour" in response.text
    assert 'value="Kept Council"' in response.text
    assert SiteSettings.load().council_name != "Kept Council"


def test_malformed_colour_gets_a_clear_message(client_for):
    response = client_for("admin").post(reverse("site_settings"), form_data(brand_colour="blue"))
    assert "Enter a colour as # and six hex digits" in response.text


def test_contrast_ratio_matches_wcag():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#1d70b8"), 2) == pytest.approx(5.17, abs=0.02)
