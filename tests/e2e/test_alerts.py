"""Browser journeys for e-mail: a member of the public subscribes to a panel's papers on a phone,
confirms from the e-mail and stops the alerts from the link in an alert; an officer changes their
reminder settings from the link in a reminder, without signing in. Every page passes axe."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from corporate_parenting.reminders import dispatch
from panels import services as panel_services
from panels.models import Body
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://[^\s\"<>]+")


def _links(message, contains: str) -> list[str]:
    return [url for url in LINK.findall(message.body) if contains in url]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_public_subscribe_confirm_and_stop_alerts(demo, new_page):
    page = new_page(viewport="phone")
    page.goto(f"{demo}/panels/public/")
    assert_accessible(page)
    page.get_by_role("link", name="Get e-mail alerts or feeds of these papers").click()
    assert_accessible(page)
    page.get_by_role("link", name="Get e-mail alerts from the Corporate Parenting Panel").click()
    assert_accessible(page)
    page.get_by_label("Your e-mail address").fill("reader@example")
    page.get_by_label("Agendas, when they are published").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your e-mail address").fill("reader@example.net")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert_accessible(page)

    dispatch.dispatch()
    [confirm] = [m for m in mail.outbox if "reader@example.net" in m.to]
    page.goto(demo + _path(_links(confirm, "/confirm/")[0]))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    assert_accessible(page)

    # The next agenda is published: the alert carries a link that stops the alerts.
    body = Body.objects.get(slug="corporate-parenting-panel")
    meeting = panel_services.meeting_create(
        actor=None,
        body=body,
        date=datetime.date.today() + datetime.timedelta(days=60),
        start_time=datetime.time(18, 30),
    )
    panel_services.agenda_publish(actor=None, meeting=meeting, short_notice_reason="")
    dispatch.dispatch()
    alert = [m for m in mail.outbox if "reader@example.net" in m.to][-1]
    assert alert is not confirm
    page.goto(demo + _path(_links(alert, "/unsubscribe/")[0]))
    assert_accessible(page)
    page.get_by_role("button", name="Stop the alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alerts stopped")
    assert_accessible(page)


def test_an_officer_changes_their_reminders_from_the_link_in_an_email(demo, new_page):
    call_command("dispatch_reminders", "--plan", stdout=io.StringIO())
    messages = [m for m in mail.outbox if "officer@example.org" in m.to]
    assert messages, "the demo officer has an overdue action, so a reminder goes out"
    link = _links(messages[0], "/account/reminders/")[0]
    page = new_page(viewport="phone")
    page.goto(demo + _path(link))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your reminder settings")
    assert_accessible(page)
    first = page.locator("input[name='enabled']").first
    first.uncheck()
    page.get_by_role("button", name="Save your reminder settings").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    assert_accessible(page)
    expect(page.locator("input[name='enabled']").first).not_to_be_checked()
