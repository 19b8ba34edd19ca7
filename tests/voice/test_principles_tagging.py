"""Report authors, clerks, champions and offer editors name the corporate parenting principles
their record serves: ticked on the form, kept by the service, shown on the record's page, printed
in the report PDF and recorded in the audit trail."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from champions.models import Engagement
from corporate_parenting.models import AuditEvent
from offer.models import OfferEntry
from panels import services as panel_services
from panels.models import Resolution
from panels.reports.models import ReportVersion
from panels.reports.pdf import render_report_pdf
from panels.services import reports as report_services
from tests import factories
from tests.champions.factories import AppointmentFactory, MemberFactory
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory
from tests.panels.factories import BodyFactory, MembershipFactory
from voice.models import Principle

pytestmark = pytest.mark.django_db


def _ids(*letters):
    return [Principle.objects.get(letter=letter).pk for letter in letters]


def _letters(record):
    return sorted(record.principles.values_list("letter", flat=True))


def _checked(page, letter):
    pk = Principle.objects.get(letter=letter).pk
    return bool(
        re.search(rf'<input[^>]*name="principles"[^>]*value="{pk}"[^>]*checked', page)
        or re.search(rf'<input[^>]*checked[^>]*name="principles"[^>]*value="{pk}"', page)
    )


def _offers_principles(page):
    assert "Which corporate parenting principles does this serve? (optional)" in page
    assert page.count('name="principles"') == 7
    assert "(c) Take their views into account" in page
    # The same compact checkboxes as the themes: quick to tick on a phone.
    fieldset = page[page.index("Which corporate parenting principles") - 600 :]
    assert "govuk-checkboxes--small" in fieldset


# ---------------------------------------------------------------- reports


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True, report_deadline_days=10)
    MembershipFactory(body=body, user=councillor, role="chair")
    return panel_services.meeting_create(
        actor=None,
        body=body,
        date=timezone.localdate() + datetime.timedelta(days=30),
        start_time=datetime.time(18, 30),
    )


@pytest.fixture
def report(meeting, officer):
    sponsor = factories.officer(email="director@example.org", full_name="Dana Director")
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Housing")
    return report_services.report_create(
        actor=officer, item=item, title="Care leavers' housing", author=officer, sponsor=sponsor
    )


def _report_post(**extra):
    return {
        "title": "Care leavers' housing",
        "recommendations": "That the panel note the update.",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "save": "",
        **extra,
    }


def test_the_author_names_principles_on_the_report_and_its_page_shows_them(client_for, report):
    client = client_for("officer")
    edit = reverse("panels:report_edit", args=[report.pk])
    _offers_principles(client.get(edit).text)
    response = client.post(edit, _report_post(principles=_ids("f", "g")), follow=True)
    assert _letters(report) == ["f", "g"]
    page = response.text
    assert "Principles this serves" in page
    assert "(f) Safety and stability" in page and "(g) Preparing for adulthood" in page
    assert _checked(client.get(edit).text, "g")


def test_a_change_of_principles_is_a_new_version_with_its_difference(client_for, report):
    client = client_for("officer")
    edit = reverse("panels:report_edit", args=[report.pk])
    client.post(edit, _report_post(principles=_ids("a")))
    report.refresh_from_db()
    version = report.version
    client.post(edit, _report_post(principles=_ids("a", "e")))
    report.refresh_from_db()
    assert report.version == version + 1
    latest = ReportVersion.objects.filter(report=report).latest("number")
    assert latest.content["principles"] == [
        "(a) Best interests, health and wellbeing",
        "(e) High aspirations and the best outcomes",
    ]
    event = AuditEvent.objects.filter(action="report changed").latest("pk")
    assert "principles" in event.note
    history = client.get(reverse("panels:report_history", args=[report.pk])).text
    assert "Corporate parenting principles" in history


def test_the_report_pdf_prints_the_principles(report, officer):
    report_services.report_update(
        actor=officer,
        report=report,
        fields={"title": report.title},
        principles=Principle.objects.filter(letter__in="bc"),
    )
    report.refresh_from_db()
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_report_pdf(report))).pages
    )
    text = " ".join(text.split())
    assert "Corporate parenting principles" in text
    assert "(b) Express their views; (c) Take their views into account" in text


def test_a_report_naming_none_says_so(client_for, report):
    page = client_for("officer").get(reverse("panels:report_detail", args=[report.pk])).text
    assert re.search(r"Principles this serves</dt>\s*<dd[^>]*>None named", page)


# ---------------------------------------------------------------- resolutions


@pytest.fixture
def item(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    held = panel_services.meeting_create(
        actor=None, body=body, date=datetime.date(2026, 2, 24), start_time=datetime.time(18, 30)
    )
    panel_services.attendance_record(actor=None, meeting=held, present=[councillor], apologies=[])
    return panel_services.agenda_item_add(actor=None, meeting=held, title="Sufficiency")


def test_the_clerk_names_principles_on_an_action_and_the_action_shows_them(
    client_for, item, officer
):
    client = client_for("officer")
    add = reverse("panels:resolution_add", args=[item.pk])
    _offers_principles(client.get(add).text)
    response = client.post(
        add,
        {
            "text": "That officers report on placement stability",
            "is_action": "on",
            "owner": officer.pk,
            "due_next_meeting": "on",
            "principles": _ids("f"),
        },
    )
    assert response.status_code == 302
    action = Resolution.objects.get()
    assert _letters(action) == ["f"]
    added = AuditEvent.objects.get(action="resolution added")
    assert added.changes["principles"] == ["", "(f) Safety and stability"]
    page = client.get(reverse("panels:action_detail", args=[action.pk])).text
    assert "Principles this serves" in page and "(f) Safety and stability" in page
    minute = client.get(reverse("panels:minutes_item", args=[item.pk])).text
    assert "Principles this serves: (f) Safety and stability" in minute


def test_changing_a_decisions_principles_is_in_its_audit_trail(client_for, item):
    resolution = panel_services.resolution_add(
        actor=None, item=item, text="That the strategy be approved", principles=[]
    )
    client = client_for("officer")
    edit = reverse("panels:resolution_edit", args=[resolution.pk])
    response = client.post(
        edit, {"text": "That the strategy be approved", "principles": _ids("b", "c")}
    )
    assert response.status_code == 302
    assert _letters(resolution) == ["b", "c"]
    changed = AuditEvent.objects.get(action="resolution changed")
    assert changed.changes["principles"] == [
        "",
        "(b) Express their views; (c) Take their views into account",
    ]
    assert _checked(client.get(edit).text, "c")
    # Adding none at first leaves the audit of the new resolution without a principles line.
    assert "principles" not in AuditEvent.objects.get(action="resolution added").changes


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        (["x" * 300, "-1"], "Choose principles from the list"),
        (["99999999999999999999"], "Choose principles from the list"),
        (["\x00"], "Null characters are not allowed"),
    ],
)
def test_hostile_principles_on_the_resolution_form_are_a_field_error(
    client_for, item, sent, message
):
    response = client_for("officer").post(
        reverse("panels:resolution_add", args=[item.pk]),
        {"text": "Kept words", "principles": sent},
    )
    assert response.status_code == 200
    assert message in response.text and "Kept words" in response.text
    assert 'href="#id_principles' in response.text  # the error links to the field
    assert not Resolution.objects.exists()


# ---------------------------------------------------------------- engagements


@pytest.fixture
def champion(councillor):
    return AppointmentFactory(member=MemberFactory(user=councillor))


def _engagement_post(area, **extra):
    return {
        "date": timezone.localdate().isoformat(),
        "kind": "visit",
        "area": area.pk,
        "event_title": "",
        "what_we_did": "Visited the youth club",
        "young_people_said": "Getting a first flat is scary",
        "follow_up_requested": "",
        "young_people_count": "4",
        **extra,
    }


def test_a_champion_names_principles_on_an_engagement(client_for, champion):
    client = client_for("councillor")
    _offers_principles(client.get(reverse("champions:engagement_create")).text)
    response = client.post(
        reverse("champions:engagement_create"),
        _engagement_post(champion.area, principles=_ids("b", "g")),
        follow=True,
    )
    engagement = Engagement.objects.get()
    assert _letters(engagement) == ["b", "g"]
    assert "Principles this serves" in response.text
    assert "(b) Express their views" in response.text
    edit = reverse("champions:engagement_edit", args=[engagement.pk])
    assert _checked(client.get(edit).text, "g")
    client.post(edit, _engagement_post(champion.area, principles=_ids("g")))
    assert _letters(engagement) == ["g"]


# ---------------------------------------------------------------- offer entries


def _entry_post(category, officer, **extra):
    return {
        "category": category.pk,
        "title": "Help with Council Tax",
        "summary": "You do not pay it.",
        "age_from": 18,
        "age_to": 25,
        "for_former_relevant": "on",
        "kind": "extra",
        "owner": officer.pk,
        "review_by": "2030-01-31",
        "status": "published",
        **extra,
    }


def test_an_offer_editor_names_principles_and_the_change_is_audited(client_for, officer):
    client = client_for("officer")
    _offers_principles(client.get(reverse("offer:entry_create")).text)
    category = OfferCategoryFactory()
    response = client.post(
        reverse("offer:entry_create"), _entry_post(category, officer, principles=_ids("d"))
    )
    assert response.status_code == 302
    entry = OfferEntry.objects.get()
    assert _letters(entry) == ["d"]
    edit = reverse("offer:entry_edit", args=[entry.pk])
    assert _checked(client.get(edit).text, "d")
    client.post(edit, _entry_post(category, officer, principles=_ids("d", "e")))
    assert _letters(entry) == ["d", "e"]
    changed = AuditEvent.objects.filter(action="changed").latest("pk")
    assert changed.changes["principles"] == [
        "(d) Access to services",
        "(d) Access to services; (e) High aspirations and the best outcomes",
    ]
    # The entry's page (its form, with its history) shows what it serves, ticked.
    assert _checked(client.get(edit).text, "e")


def test_saving_an_entry_elsewhere_keeps_its_principles(officer):
    from offer import services

    entry = OfferEntryFactory()
    entry.principles.set(Principle.objects.filter(letter="a"))
    services.offer_entry_save(entry=entry, actor=officer, title="A new title")
    assert _letters(entry) == ["a"]
