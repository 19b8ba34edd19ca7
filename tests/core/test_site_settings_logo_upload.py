"""An admin uploads the council's logo on the site settings page: a PNG checked to be one, or an
SVG cleaned of anything that runs or loads; it is served from the portal itself (so the
Content-Security-Policy lets every page show it) and shown in the header."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from corporate_parenting.logo import LOGO_MAX_BYTES, svg_clean
from corporate_parenting.models import AuditEvent, SiteSettings
from tests.core.test_site_settings import form_data

pytestmark = pytest.mark.django_db

HOSTILE_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 100 40" onload="alert('onload')">
  <script>alert('script')</script>
  <defs><linearGradient id="brand"><stop offset="0" stop-color="#1d4f91"/></linearGradient></defs>
  <path id="crest" d="M0 0 L100 40" fill="url(#brand)" onclick="alert(1)"/>
  <use href="#crest"/>
  <use xlink:href="https://evil.example.org/sprite.svg#x"/>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
  <a href="javascript:alert(2)"><text>Link</text></a>
  <image href="https://evil.example.org/track.png"/>
  <rect width="10" height="10" style="fill: rgb(0, 0, 0); background: url(https://evil.example.org/x)"/>
  <rect width="5" height="5" style="fill: #000000"/>
  <text x="2" y="30" font-family="Arial">Northshire Council</text>
  <set attributeName="href" to="javascript:alert(3)"/>
  <style>@import url(https://evil.example.org/x.css);</style>
</svg>"""


def png_bytes(width: int = 120, height: int = 40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (29, 79, 145)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, name: str, content: bytes, **changes):
    data = form_data(**changes)
    data["logo_file"] = SimpleUploadedFile(name, content)
    return client.post(reverse("site_settings"), data)


def header_logo_src(page: str) -> str:
    match = re.search(r'<img class="portal-header__logo" src="([^"]+)"', page)
    assert match, "no logo in the header"
    return match.group(1).replace("&amp;", "&")


def test_an_admin_uploads_a_png_logo_shown_in_every_header(client_for):
    admin = client_for("admin")
    content = png_bytes()
    response = upload(admin, "council-logo.png", content)
    assert response.status_code == 302

    for role in ("anonymous", "councillor", "admin"):
        src = header_logo_src(client_for(role).get("/").text)
        assert src.startswith(reverse("site_logo") + "?v=")
    served = client_for("anonymous").get(src)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served.content == content
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in served["Content-Security-Policy"]
    # The same for everyone, so cached, even for someone signed in.
    signed_in = client_for("councillor").get(src)
    assert signed_in["Cache-Control"].startswith("public, max-age=")
    assert "no-store" not in signed_in["Cache-Control"]
    again = client_for("anonymous").get(src, HTTP_IF_NONE_MATCH=served["ETag"])
    assert again.status_code == 304
    assert AuditEvent.objects.filter(action="settings changed", changes__has_key="logo").exists()


def test_an_svg_logo_is_served_cleaned_of_script_and_event_handlers(client_for):
    admin = client_for("admin")
    response = upload(admin, "logo.svg", HOSTILE_SVG)
    assert response.status_code == 302
    served = client_for("anonymous").get(header_logo_src(admin.get("/").text))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/svg+xml"
    policy = served["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy
    svg = served.content.decode()
    for gone in ("script", "alert", "onload", "onclick", "evil.example.org", "foreignObject"):
        assert gone not in svg, gone
    for gone in ("javascript:", "<style", "<image", "<set", "@import", "<a "):
        assert gone not in svg, gone
    # What draws the logo is kept.
    assert 'fill="url(#brand)"' in svg
    assert 'href="#crest"' in svg
    assert "Northshire Council" in svg
    assert 'style="fill: #000000"' in svg
    assert svg.count("<rect") == 2


def test_a_fake_png_is_refused_on_the_field_and_nothing_typed_is_lost(client_for):
    admin = client_for("admin")
    response = upload(
        admin, "logo.png", b"<html><script>alert(1)</script></html>", council_name="Kept Council"
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["logo_file"])
    assert "is not a PNG image" in errors
    assert "is not a PNG image" in response.text  # in the error summary and on the field
    assert 'value="Kept Council"' in response.text
    assert not SiteSettings.load().logo
    assert SiteSettings.load().council_name != "Kept Council"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.gif", b"GIF89a\x01\x00\x01\x00", "Choose a PNG or SVG image"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "damaged or incomplete"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * LOGO_MAX_BYTES, "1 MB or smaller"),
        ("big.png", png_bytes(5000, 10), "at most 4,000 pixels"),
        ("logo.svg", b"<svg", "cannot be read as an SVG"),
        ("logo.svg", b"<html xmlns='http://www.w3.org/1999/xhtml'/>", "not an SVG image"),
        (
            "laughs.svg",
            b'<!DOCTYPE svg [<!ENTITY lol "lol">]><svg xmlns="http://www.w3.org/2000/svg">&lol;</svg>',
            "document type or entities",
        ),
        (
            "external.svg",
            b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "document type or entities",
        ),
        ("empty.svg", b"", "Choose a PNG or SVG image"),
    ],
)
def test_a_file_that_is_not_a_safe_logo_gets_a_clear_error(client_for, name, content, message):
    response = upload(client_for("admin"), name, content)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["logo_file"])
    assert not SiteSettings.load().logo


def test_a_ten_thousand_character_filename_is_stored_under_a_name_of_its_own(client_for):
    admin = client_for("admin")
    response = upload(admin, "a" * 10_000 + ".png", png_bytes())
    assert response.status_code == 302
    stored = SiteSettings.objects.get().logo.name or ""
    assert re.fullmatch(r"branding/logo-[0-9a-f]{16}\.png", stored)
    assert client_for("anonymous").get(header_logo_src(admin.get("/").text)).status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "councillor", "officer"])
def test_only_an_admin_may_upload_a_logo(client_for, role, tmp_path):
    response = upload(client_for(role), "logo.png", png_bytes())
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith(reverse("login"))
    assert not SiteSettings.load().logo
    assert not list(tmp_path.rglob("*.png"))


def test_an_admin_removes_the_logo_and_the_header_shows_the_name_again(
    client_for, django_capture_on_commit_callbacks
):
    admin = client_for("admin")
    upload(admin, "logo.png", png_bytes())
    stored = SiteSettings.objects.get().logo.name or ""
    assert default_storage.exists(stored)
    settings_page = admin.get(reverse("site_settings")).text
    assert "Remove the uploaded logo" in settings_page

    with_logo = form_data()
    with_logo["remove_logo"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse("site_settings"), with_logo)
    assert response.status_code == 302
    page = client_for("anonymous").get("/").text
    assert "portal-header__logo" not in page
    assert "Northshire Council" in page
    assert client_for("anonymous").get(reverse("site_logo")).status_code == 404
    assert not default_storage.exists(stored)


def test_a_new_logo_replaces_the_old_file_and_its_address(
    client_for, django_capture_on_commit_callbacks
):
    admin = client_for("admin")
    upload(admin, "logo.png", png_bytes())
    first = SiteSettings.objects.get().logo.name or ""
    first_src = header_logo_src(admin.get("/").text)
    with django_capture_on_commit_callbacks(execute=True):
        upload(admin, "logo.png", png_bytes(60, 20))
    assert header_logo_src(admin.get("/").text) != first_src
    assert not default_storage.exists(first)


def test_there_is_no_logo_to_serve_until_one_is_uploaded(client):
    assert client.get(reverse("site_logo")).status_code == 404


def test_the_cleaner_keeps_a_plain_logo_drawing():
    plain = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        b'<circle cx="5" cy="5" r="4" fill="#1d4f91"/></svg>'
    )
    cleaned = svg_clean(plain).decode()
    assert '<circle cx="5" cy="5" r="4" fill="#1d4f91" />' in cleaned
    assert 'viewBox="0 0 10 10"' in cleaned
