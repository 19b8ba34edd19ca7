"""The engagement form reads each list it offers once, and writes its selects as Django would."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.widgets import Select
from events.models import Category, Event
from tests.champions.factories import (
    AppointmentFactory,
    EngagementFactory,
    MemberFactory,
    PlanItemFactory,
)
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db


class _Tags(HTMLParser):
    """The tags, attributes and text of some HTML, whitespace between tags left out."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.seen.append((tag, sorted(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.seen.append(("/" + tag,))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.seen.append(("text", data))


def _tags(html: str) -> list[tuple]:
    parser = _Tags()
    parser.feed(html)
    return parser.seen


def test_the_fast_select_writes_what_djangos_select_writes():
    choices = [
        ("", "None"),
        ("Mine & yours", [(1, 'The "big" <day>'), (2, "Fun day")]),
        (3, "Café"),
    ]
    attrs = {"id": "id_event", "class": "govuk-select"}
    quick = Select(attrs=attrs, choices=choices).render("event", 2)
    django = forms.Select(attrs=attrs, choices=choices).render("event", 2)
    assert _tags(quick) == _tags(django)
    assert "&lt;day&gt;" in quick


@pytest.fixture
def champion(councillor):
    return AppointmentFactory(member=MemberFactory(user=councillor))


def _grow(champion):
    def grow():
        day = timezone.localdate()
        for number in range(3):
            AppointmentFactory(member=champion.member)
            PlanItemFactory(member=champion.member, intention=f"Plan {number}")
            Event.objects.create(
                title=f"Event {number}",
                category=Category.values[0],
                start_date=day - dt.timedelta(days=number),
                end_date=day - dt.timedelta(days=number),
            )

    return grow


def test_new_engagement_page_keeps_a_constant_number_of_queries(client_for, champion):
    grow = _grow(champion)
    grow()
    url = reverse("champions:engagement_create")
    text = client_for("councillor").get(url).text
    assert "Plan 0" in text and "Event 0" in text
    assert_constant_queries(client_for("councillor"), url, grow)


def test_engagement_edit_page_keeps_a_constant_number_of_queries(client_for, champion):
    engagement = EngagementFactory(member=champion.member, area=champion.area)
    grow = _grow(champion)
    grow()
    url = reverse("champions:engagement_edit", args=[engagement.pk])
    response = client_for("councillor").get(url)
    assert response.status_code == 200
    assert f'<option value="{champion.area.pk}" selected>' in response.text
    assert_constant_queries(client_for("councillor"), url, grow)


def test_the_engagement_forms_drop_downs_are_govuk_selects(client_for, champion):
    page = client_for("councillor").get(reverse("champions:engagement_create")).text
    selects = re.findall(r"<select [^>]*>", page)
    assert selects and all("govuk-select" in tag for tag in selects), selects
