import pytest
from django.test import RequestFactory
from django.urls import reverse

from corporate_parenting.navigation import navigation_for

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_get_the_public_landing_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "If you are in care or leaving care" in response.text
    assert 'href="/sign-in/"' in response.text


@pytest.mark.parametrize("role", ["councillor", "officer", "admin"])
def test_each_role_gets_its_home_page(client_for, role):
    response = client_for(role).get("/")
    assert response.status_code == 200
    assert "Hello, " in response.text
    assert "Your account" in response.text
    assert "Sign out" in response.text
    assert ("Running the portal" in response.text) == (role == "admin")


def test_navigation_shows_site_settings_to_admins_only(client_for):
    assert 'href="/settings/"' in client_for("admin").get("/").text
    assert 'href="/settings/"' not in client_for("officer").get("/").text
    assert 'href="/settings/"' not in client_for("anonymous").get("/").text


def test_every_page_has_skip_link_lang_phase_banner_and_footer(client):
    text = client.get("/").text
    assert '<html lang="en-GB"' in text
    assert 'href="#main-content"' in text and 'id="main-content"' in text
    assert "govuk-phase-banner" in text
    assert 'href="/accessibility/"' in text and 'href="/privacy/"' in text
    # Our own footer: no crown, no Crown copyright.
    assert "Crown copyright" not in text
    assert "govuk-crest" not in text


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/accessibility/", "Accessibility statement"), ("/privacy/", "Privacy notice")],
)
def test_statement_pages_are_public(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    assert heading in response.text


def test_inline_script_carries_the_csp_nonce(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">document.body.className' in response.text
    assert "unsafe-inline" not in policy


def test_unknown_page_is_a_404_in_the_portal_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert reverse("home") in response.text


@pytest.mark.parametrize(
    "url", ["/sign-in/", "/password/reset/", "/password/reset/sent/", "/password/reset/complete/"]
)
def test_sign_in_pages_carry_the_council_branding(client, url):
    # Django's auth views put their own "site" in the context; the branding must survive it.
    assert 'class="portal-header__council">Anytown Council<' in client.get(url).text


def test_only_the_longest_matching_navigation_link_is_current(officer):
    request = RequestFactory().get("/offer/kpis/")
    request.user = officer
    current = [item["text"] for item in navigation_for(request) if item["current"]]
    assert current == ["KPIs"]


def test_a_page_marks_its_own_link_current_and_no_other(officer):
    # The links are worked out once per set of roles; which one is current is per page.
    for path, expected in (("/offer/", ["Care leaver offer"]), ("/", ["Home"]), ("/x/", [])):
        request = RequestFactory().get(path)
        request.user = officer
        current = [item["text"] for item in navigation_for(request) if item["current"]]
        assert current == expected


@pytest.mark.parametrize("role", ["councillor", "officer", "admin"])
def test_the_home_page_works_out_the_navigation_once(client_for, role, monkeypatch):
    # Each app's home panel is rendered without the page's context processors, which run once.
    from corporate_parenting import context_processors

    calls: list[str] = []
    real = context_processors.navigation_for

    def counted(request):
        calls.append(request.path)
        return real(request)

    monkeypatch.setattr(context_processors, "navigation_for", counted)
    assert client_for(role).get("/").status_code == 200
    assert len(calls) == 1
