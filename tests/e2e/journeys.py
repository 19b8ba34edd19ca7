"""Steps the browser journeys share: signing in, and moving by keyboard with focus always visible."""

from playwright.sync_api import Page

from tests.e2e.axe import assert_accessible, focused_element_is_visible
from tests.e2e.conftest import DEMO_PASSWORD, ROLE_EMAILS


def sign_in(page: Page, base_url: str, role: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("E-mail address").fill(ROLE_EMAILS[role])
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if _asked_for_code(page, base_url):
        page.get_by_label("Security code").fill(_code_for(role))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base_url}/")


def _asked_for_code(page: Page, base_url: str) -> bool:
    """After the password: the home page, or (staff, with the requirement on) the code page."""
    page.wait_for_url(lambda url: url == f"{base_url}/" or "/two-factor/" in url)
    return "/two-factor/" in page.url


def _code_for(role: str) -> str:
    """What the demo person's phone shows now: a code from their app device (load_demo made it)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.second_factor import code_now

    return code_now(TOTPDevice.objects.get(user__email=ROLE_EMAILS[role], confirmed=True))


def focused_text(page: Page) -> str:
    return page.evaluate(
        "() => (document.activeElement.innerText || document.activeElement.value || '').trim()"
    )


def tab_to(page: Page, text: str, *, max_tabs: int = 80, backwards: bool = False) -> None:
    """Press Tab until the control with this text has focus, checking focus is visible each time."""
    key = "Shift+Tab" if backwards else "Tab"
    seen = []
    for _ in range(max_tabs):
        page.keyboard.press(key)
        current = focused_text(page)
        seen.append(current)
        assert focused_element_is_visible(page), f"no visible focus on {current!r} at {page.url}"
        if current == text:
            return
    raise AssertionError(f"Tab never reached {text!r} on {page.url}; went through {seen}")


def tab_to_field(page: Page, field_id: str, *, max_tabs: int = 40) -> None:
    for _ in range(max_tabs):
        if page.evaluate("() => document.activeElement.id") == field_id:
            assert focused_element_is_visible(page), f"no visible focus on #{field_id}"
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{field_id} on {page.url}")


def keyboard_sign_in(page: Page, base_url: str, role: str) -> None:
    """From the landing page to the role's home page with the keyboard alone."""
    page.goto(f"{base_url}/")
    assert_accessible(page)
    tab_to(page, "Sign in")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/sign-in/")
    assert_accessible(page)
    tab_to_field(page, "id_username")
    page.keyboard.type(ROLE_EMAILS[role])
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    if _asked_for_code(page, base_url):
        assert_accessible(page)
        tab_to_field(page, "id_code")
        page.keyboard.type(_code_for(role))
        page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/")
