"""The alert e-mails as their reader sees them, both parts: the confirmation e-mail's links all
go to the confirmation address, and its footer says why it came and that nothing more comes
until the address is confirmed; an alert after confirming keeps the footer that says the
address was confirmed."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.reminders import dispatch, services
from panels import services as panel_services
from tests.core.reminder_helpers import outbox_to, parsed, parts
from tests.panels.factories import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db
ADDRESS = "reader@example.net"
CONFIRMED_FOOTER = "You get these alerts because you asked for them and confirmed your address."


class _Links(HTMLParser):
    """(link text, href) of every <a> in an HTML part."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._text).split()), self._href))
            self._href = None


def _links(html: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def _footer_html(html: str) -> str:
    """The words after the rule at the foot of the HTML part, tags removed."""
    foot = "<hr" + html.rpartition("<hr")[2]
    return " ".join(re.sub(r"<[^>]+>", " ", foot).split())


def _footer_text(text: str) -> str:
    """The words after the signature separator of the text part."""
    return " ".join(text.rpartition("\n--\n")[2].split())


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)


def _confirmation_email(body):
    subscription = services.alert_subscribe(
        email=ADDRESS, body=body, agendas=True, minutes=True, decisions=False
    ).subscription
    dispatch.dispatch()
    [message] = outbox_to(ADDRESS)
    confirm = settings.PORTAL_BASE_URL + reverse(
        "panels:alert_confirm", kwargs={"token": subscription.token}
    )
    return parts(parsed(message)), confirm


def test_every_confirm_link_in_the_confirmation_email_goes_to_the_confirmation_address(body):
    bodies, confirm = _confirmation_email(body)
    html_confirms = [href for text, href in _links(bodies["text/html"]) if "Confirm" in text]
    assert html_confirms and set(html_confirms) == {confirm}
    # The home page is not where confirming happens: no link in either part goes there alone.
    home = settings.PORTAL_BASE_URL + "/"
    assert home not in {href for _, href in _links(bodies["text/html"])}
    text_links = re.findall(r"https?://\S+", bodies["text/plain"])
    assert confirm in text_links and home not in text_links
    assert "Confirm your e-mail address: " + confirm in bodies["text/plain"]


def test_the_confirmation_email_footer_says_why_it_came_and_that_nothing_comes_until_confirmed(
    body,
):
    bodies, _ = _confirmation_email(body)
    for footer in (_footer_html(bodies["text/html"]), _footer_text(bodies["text/plain"])):
        assert "confirmed your address" not in footer, footer
        assert "asked for e-mail alerts of the Corporate Parenting Panel's papers" in footer
        assert "Nothing more is sent to this address until it is confirmed" in footer


def test_an_alert_after_confirming_keeps_the_footer_that_says_the_address_was_confirmed(
    body, officer, django_capture_on_commit_callbacks
):
    subscription = services.alert_subscribe(
        email=ADDRESS, body=body, agendas=True, minutes=True, decisions=True
    ).subscription
    services.alert_confirm(token=subscription.token)
    dispatch.dispatch()
    meeting = MeetingFactory(body=body, date=timezone.localdate() + timedelta(days=20))
    AgendaItemFactory(meeting=meeting, title="Housing update")
    with django_capture_on_commit_callbacks(execute=True):
        panel_services.agenda_publish(actor=officer, meeting=meeting, short_notice_reason="Test")
    dispatch.dispatch()
    alert = outbox_to(ADDRESS)[-1]
    assert "Agenda" in alert.subject
    bodies = parts(parsed(alert))
    unsubscribe = settings.PORTAL_BASE_URL + reverse(
        "panels:alert_unsubscribe", kwargs={"token": subscription.token}
    )
    assert CONFIRMED_FOOTER in _footer_html(bodies["text/html"])
    assert CONFIRMED_FOOTER in _footer_text(bodies["text/plain"])
    assert ("Stop these alerts", unsubscribe) in _links(bodies["text/html"])
    assert "Stop these alerts: " + unsubscribe in bodies["text/plain"]
