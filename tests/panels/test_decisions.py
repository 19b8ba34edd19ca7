"""Decisions: a resolution's decision status, key decision and call-in, as the clerk records them
and the minutes print them; and the admins' list of decision statuses."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from corporate_parenting.models import AuditEvent
from panels import services
from panels.minutes import build_minutes
from panels.models import DecisionStatus, Meeting, Resolution
from panels.services import decisions as decision_services
from tests.helpers import assert_constant_queries
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

MEETING_DAY = datetime.date(2026, 2, 24)
DEADLINE = datetime.date(2026, 3, 3)


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    meeting = services.meeting_create(
        actor=None, body=body, date=MEETING_DAY, start_time=datetime.time(18, 30)
    )
    services.attendance_record(actor=None, meeting=meeting, present=[councillor], apologies=[])
    return meeting


@pytest.fixture
def item(meeting):
    return services.agenda_item_add(actor=None, meeting=meeting, title="Sufficiency strategy")


@pytest.fixture
def approved():
    return DecisionStatus.objects.get(name="Recommendations Approved")


def _statuses_offered(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="decision_status".*?</select>', html, re.S)
    assert select, "no decision status select on the page"
    return re.findall(r"<option[^>]*>([^<]+)</option>", select.group(0))


# Recording a decision


def test_a_resolution_records_its_decision_and_the_audit_shows_it(officer, item, approved):
    resolution = services.resolution_add(
        actor=officer,
        item=item,
        text="That the strategy be approved.",
        decision_status=approved,
        is_key_decision=True,
        subject_to_call_in=True,
        call_in_deadline=DEADLINE,
    )
    resolution.refresh_from_db()
    assert resolution.decision_status == approved
    assert resolution.is_key_decision and resolution.subject_to_call_in
    assert resolution.call_in_deadline == DEADLINE
    added = AuditEvent.objects.for_object(resolution).get(action="resolution added")
    assert added.changes["decision_status"] == [None, "Recommendations Approved"]
    assert added.changes["call_in_deadline"] == [None, "2026-03-03"]
    assert added.actor == officer

    noted = DecisionStatus.objects.get(name="Noted")
    services.resolution_update(
        actor=officer,
        resolution=resolution,
        text=resolution.text,
        decision_status=noted,
    )
    changed = AuditEvent.objects.for_object(resolution).get(action="resolution changed")
    assert changed.changes == {
        "decision_status": ["Recommendations Approved", "Noted"],
        "is_key_decision": [True, False],
        "subject_to_call_in": [True, False],
        "call_in_deadline": ["2026-03-03", None],
    }


def test_call_in_without_a_deadline_is_an_error_on_the_deadline(item, meeting):
    with pytest.raises(ValidationError) as problem:
        services.resolution_add(
            actor=None, item=item, text="That the strategy be approved.", subject_to_call_in=True
        )
    assert set(problem.value.message_dict) == {"call_in_deadline"}
    assert "Enter the last day the decision can be called in" in str(problem.value)
    assert not Resolution.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == "held"  # the minutes were not started either


def test_a_deadline_without_call_in_is_an_error_on_the_deadline(item):
    with pytest.raises(ValidationError) as problem:
        services.resolution_add(
            actor=None, item=item, text="That the update be noted.", call_in_deadline=DEADLINE
        )
    assert set(problem.value.message_dict) == {"call_in_deadline"}
    assert "only for a decision subject to call-in" in str(problem.value)
    assert not Resolution.objects.exists()


def test_the_call_in_deadline_is_after_the_meeting(item):
    with pytest.raises(ValidationError) as problem:
        services.resolution_add(
            actor=None,
            item=item,
            text="That the strategy be approved.",
            subject_to_call_in=True,
            call_in_deadline=MEETING_DAY,
        )
    assert problem.value.message_dict == {
        "call_in_deadline": ["The call-in deadline must be after the meeting on 24 February 2026"]
    }


def test_action_and_decision_errors_are_reported_together(item):
    with pytest.raises(ValidationError) as problem:
        services.resolution_add(
            actor=None, item=item, text=" ", is_action=True, subject_to_call_in=True
        )
    assert set(problem.value.message_dict) == {"text", "owner", "due_date", "call_in_deadline"}


def test_updating_to_call_in_without_a_deadline_changes_nothing(item):
    resolution = services.resolution_add(actor=None, item=item, text="That it be noted.")
    with pytest.raises(ValidationError) as problem:
        services.resolution_update(
            actor=None, resolution=resolution, text="Changed.", subject_to_call_in=True
        )
    assert set(problem.value.message_dict) == {"call_in_deadline"}
    resolution.refresh_from_db()
    assert (resolution.text, resolution.subject_to_call_in) == ("That it be noted.", False)


def test_a_retired_status_is_not_chosen_afresh_but_stays_where_it_is(item, approved):
    resolution = services.resolution_add(
        actor=None, item=item, text="That it be approved.", decision_status=approved
    )
    decision_services.decision_status_update(
        actor=None, status=approved, name=approved.name, position=approved.position, is_active=False
    )
    approved.refresh_from_db()
    with pytest.raises(ValidationError) as problem:
        services.resolution_add(actor=None, item=item, text="Another.", decision_status=approved)
    assert set(problem.value.message_dict) == {"decision_status"}
    # The resolution that has it keeps it when it is changed for another reason.
    services.resolution_update(
        actor=None,
        resolution=resolution,
        text="That the recommendations be approved.",
        decision_status=approved,
    )
    resolution.refresh_from_db()
    assert resolution.decision_status == approved


# The minutes


def _entry(meeting, item, *, public=False):
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk), public=public)
    return next(e for e in minutes.items if e.item.pk == item.pk)


def test_minutes_print_the_decision_under_the_resolution(client_for, meeting, item, approved):
    services.resolution_add(
        actor=None,
        item=item,
        text="That the strategy be approved.",
        decision_status=approved,
        is_key_decision=True,
        subject_to_call_in=True,
        call_in_deadline=DEADLINE,
    )
    services.resolution_add(actor=None, item=item, text="That officers be thanked.")
    line = (
        "Decision: Recommendations Approved. Key decision: Yes. Subject to call-in until 3 March "
        "2026."
    )
    entry = _entry(meeting, item)
    assert [r.decision for r in entry.resolutions] == [line, ""]

    page = client_for("councillor").get(f"/panels/meetings/{meeting.pk}/")
    assert line in page.text

    response = client_for("officer").get(f"/panels/meetings/{meeting.pk}/minutes.pdf")
    assert response.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    flat = re.sub(r"\s+", " ", text)
    assert "That the strategy be approved. Decision: Recommendations Approved." in flat
    assert "Subject to call-in until 3 March 2026." in flat


def test_a_decision_without_a_status_prints_only_what_is_recorded(meeting, item):
    services.resolution_add(actor=None, item=item, text="That it be agreed.", is_key_decision=True)
    assert _entry(meeting, item).resolutions[0].decision == "Key decision: Yes."


def test_meeting_page_queries_do_not_grow_with_decisions(client_for, meeting, item):
    statuses = list(DecisionStatus.objects.all())

    def grow():
        for number, status in enumerate(statuses[:3]):
            services.resolution_add(
                actor=None, item=item, text=f"Resolution {number}", decision_status=status
            )

    services.resolution_add(actor=None, item=item, text="The first", decision_status=statuses[-1])
    assert_constant_queries(client_for("officer"), f"/panels/meetings/{meeting.pk}/", grow)


# The resolution form


def test_form_call_in_without_a_deadline_shows_the_error_on_the_field_and_keeps_input(
    client_for, item, approved
):
    response = client_for("officer").post(
        f"/panels/items/{item.pk}/resolutions/new/",
        {
            "text": "That the strategy be approved",
            "decision_status": approved.pk,
            "is_key_decision": "on",
            "subject_to_call_in": "on",
        },
    )
    assert response.status_code == 200
    assert 'href="#id_call_in_deadline"' in response.text
    assert "Enter the last day the decision can be called in" in response.text
    assert "That the strategy be approved" in response.text
    assert re.search(rf'<option value="{approved.pk}"[^>]*selected', response.text)
    assert re.search(r'name="is_key_decision"[^>]*checked', response.text)
    assert re.search(r'name="subject_to_call_in"[^>]*checked', response.text)
    assert not Resolution.objects.exists()


def test_form_deadline_without_call_in_is_an_error_on_the_deadline(client_for, item):
    response = client_for("officer").post(
        f"/panels/items/{item.pk}/resolutions/new/",
        {"text": "That the update be noted", "call_in_deadline": "2026-03-03"},
    )
    assert response.status_code == 200
    assert 'href="#id_call_in_deadline"' in response.text
    assert "only for a decision subject to call-in" in response.text
    assert 'value="2026-03-03"' in response.text
    assert not Resolution.objects.exists()


def test_form_records_a_decision(client_for, item, approved):
    response = client_for("officer").post(
        f"/panels/items/{item.pk}/resolutions/new/",
        {
            "text": "That the strategy be approved",
            "decision_status": approved.pk,
            "subject_to_call_in": "on",
            "call_in_deadline": "2026-03-03",
        },
    )
    assert response.status_code == 302
    resolution = Resolution.objects.get()
    assert (resolution.decision_status, resolution.call_in_deadline) == (approved, DEADLINE)


def test_form_offers_statuses_in_use_and_keeps_a_retired_one_a_resolution_has(
    client_for, item, approved
):
    resolution = services.resolution_add(
        actor=None, item=item, text="That it be approved.", decision_status=approved
    )
    DecisionStatus.objects.filter(pk=approved.pk).update(is_active=False)
    client = client_for("officer")
    offered = _statuses_offered(client.get(f"/panels/items/{item.pk}/resolutions/new/").text)
    assert "Recommendations Approved" not in offered
    assert offered[:2] == ["No decision recorded", "Noted"]
    edit = client.get(f"/panels/resolutions/{resolution.pk}/edit/").text
    assert "Recommendations Approved" in _statuses_offered(edit)
    response = client.post(
        f"/panels/resolutions/{resolution.pk}/edit/",
        {"text": "That the recommendations be approved", "decision_status": approved.pk},
    )
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.decision_status == approved
    assert resolution.text == "That the recommendations be approved"


# The list of decision statuses


def test_admin_sees_statuses_in_use_and_retired_with_how_often_used(client_for, item, approved):
    services.resolution_add(actor=None, item=item, text="Approved.", decision_status=approved)
    DecisionStatus.objects.filter(name="Referred").update(is_active=False)
    page = client_for("admin").get("/panels/decision-statuses/")
    assert page.status_code == 200
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", page.text, re.S)
    cells = [re.sub(r"<[^>]+>", " ", row).split() for row in rows[1:]]
    assert cells[0][:5] == ["Recommendations", "Approved", "1", "In", "use"]
    assert cells[0][5] == "1"
    assert cells[-1][:3] == ["Referred", "6", "Retired"]


def test_admin_adds_a_status_and_a_duplicate_name_is_an_error_on_the_name(client_for):
    client = client_for("admin")
    response = client.post("/panels/decision-statuses/new/", {"name": "  noted "})
    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert "There is already a decision status called Noted" in response.text
    assert DecisionStatus.objects.filter(name__iexact="noted").count() == 1
    response = client.post("/panels/decision-statuses/new/", {"name": "Withdrawn"}, follow=True)
    assert "Decision status added: Withdrawn" in response.text
    added = DecisionStatus.objects.get(name="Withdrawn")
    assert added.is_active
    assert added.position == 7  # after the six the portal starts with
    assert AuditEvent.objects.for_object(added).get().action == "decision status added"


def test_admin_renames_reorders_and_retires_a_status_in_use(client_for, meeting, item, approved):
    services.resolution_add(actor=None, item=item, text="Approved.", decision_status=approved)
    client = client_for("admin")
    url = f"/panels/decision-statuses/{approved.pk}/"
    page = client.get(url)
    assert "1 resolution has this status" in page.text
    response = client.post(url, {"name": "Noted", "position": "1", "is_active": "on"})
    assert response.status_code == 200
    assert "There is already a decision status called Noted" in response.text
    response = client.post(url, {"name": "Approved", "position": "9", "is_active": "on"})
    assert response.status_code == 302
    response = client.post(url, {"name": "Approved", "position": ""}, follow=True)
    assert "Approved retired: clerks are no longer offered it" in response.text
    approved.refresh_from_db()
    assert (approved.name, approved.position, approved.is_active) == ("Approved", 9, False)
    actions = set(AuditEvent.objects.for_object(approved).values_list("action", flat=True))
    assert actions == {"decision status changed", "decision status retired"}
    # Retired, not deleted: the minutes still say what was decided.
    assert _entry(meeting, item).resolutions[0].decision.startswith("Decision: Approved.")


@pytest.mark.parametrize("role", ["councillor", "officer"])
def test_only_admins_change_decision_statuses(client_for, role, approved):
    client = client_for(role)
    assert client.post("/panels/decision-statuses/new/", {"name": "Withdrawn"}).status_code == 403
    response = client.post(
        f"/panels/decision-statuses/{approved.pk}/",
        {"name": "Renamed", "position": "1"},
    )
    assert response.status_code == 403
    approved.refresh_from_db()
    assert (approved.name, approved.is_active) == ("Recommendations Approved", True)
    assert not DecisionStatus.objects.filter(name="Withdrawn").exists()


def test_anonymous_people_are_sent_to_sign_in(client, approved):
    response = client.post(f"/panels/decision-statuses/{approved.pk}/", {"name": "Renamed"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    approved.refresh_from_db()
    assert approved.name == "Recommendations Approved"


def test_an_admin_can_change_decision_statuses(client_for, approved):
    client = client_for("admin")
    assert client.post("/panels/decision-statuses/new/", {"name": "Withdrawn"}).status_code == 302
    response = client.post(
        f"/panels/decision-statuses/{approved.pk}/",
        {"name": "Approved", "position": "1", "is_active": "on"},
    )
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.name == "Approved"
