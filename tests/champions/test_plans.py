"""A champion's plan for the year: items with a date (future allowed), ticked off by
engagements, and the report's plan against what was done."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from champions import services
from champions.models import Engagement, PlanItem
from champions.report import annual_report
from corporate_parenting.years import current_political_year
from tests.champions.factories import (
    AppointmentFactory,
    EngagementFactory,
    MemberFactory,
    PlanItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(councillor):
    return AppointmentFactory(member=MemberFactory(user=councillor))


def _later_this_year() -> dt.date:
    return min(timezone.localdate() + dt.timedelta(days=60), current_political_year().end)


def test_a_champion_adds_a_plan_item_with_a_future_date(client_for, champion):
    response = client_for("councillor").post(
        reverse("champions:plan"),
        {"intention": "Visit the foster carers' group", "area": "", "due_by": _later_this_year()},
    )
    assert response.status_code == 302
    item = PlanItem.objects.get()
    assert item.member == champion.member
    assert item.due_by == _later_this_year()


def test_a_plan_item_with_no_date_is_an_error_on_the_date_and_nothing_is_saved(
    client_for, champion
):
    response = client_for("councillor").post(
        reverse("champions:plan"), {"intention": "Visit", "area": "", "due_by": ""}
    )
    assert response.status_code == 200
    assert "due_by" in response.context["form"].errors
    assert "Visit" in response.text  # what was typed is kept
    assert not PlanItem.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.plan_item_add(
            member=champion.member, start_year=champion.start_year, intention="x", due_by=None
        )
    assert "due_by" in error.value.message_dict


def test_a_plan_date_outside_the_year_is_refused(champion):
    with pytest.raises(ValidationError) as error:
        services.plan_item_add(
            member=champion.member,
            start_year=champion.start_year,
            intention="Later",
            due_by=current_political_year().end + dt.timedelta(days=1),
        )
    assert "due_by" in error.value.message_dict


def test_engagements_still_may_not_have_future_dates(client_for, champion):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client_for("councillor").post(
        reverse("champions:engagement_create"),
        {
            "date": tomorrow.isoformat(),
            "kind": "visit",
            "area": champion.area.pk,
            "young_people_count": "1",
        },
    )
    assert "date" in response.context["form"].errors
    assert not Engagement.objects.exists()


def test_logging_an_engagement_ticks_off_a_plan_item(client_for, champion):
    item = PlanItemFactory(member=champion.member)
    client = client_for("councillor")
    form_page = client.get(reverse("champions:engagement_create") + f"?plan_item={item.pk}")
    assert form_page.context["form"]["plan_item"].value() == item.pk
    response = client.post(
        reverse("champions:engagement_create"),
        {
            "date": timezone.localdate().isoformat(),
            "kind": "visit",
            "area": champion.area.pk,
            "young_people_count": "3",
            "plan_item": item.pk,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done_by == Engagement.objects.get()


def test_another_members_plan_item_cannot_be_ticked_from_the_form(client_for, champion):
    others = PlanItemFactory()
    response = client_for("councillor").post(
        reverse("champions:engagement_create"),
        {
            "date": timezone.localdate().isoformat(),
            "kind": "visit",
            "area": champion.area.pk,
            "young_people_count": "3",
            "plan_item": others.pk,
        },
    )
    assert "plan_item" in response.context["form"].errors
    assert not Engagement.objects.exists()
    others.refresh_from_db()
    assert others.done_by is None


def test_ticking_off_from_the_plan_page_and_unticking(client_for, champion):
    item = PlanItemFactory(member=champion.member)
    engagement = EngagementFactory(member=champion.member, area=champion.area)
    client = client_for("councillor")
    url = reverse("champions:plan_item_tick", args=[item.pk])
    assert client.post(url, {"engagement": engagement.pk}).status_code == 302
    item.refresh_from_db()
    assert item.done_by == engagement
    assert client.post(url, {"untick": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.done_by is None


def test_ticking_off_with_someone_elses_engagement_is_refused(client_for, champion):
    item = PlanItemFactory(member=champion.member)
    others = EngagementFactory()
    url = reverse("champions:plan_item_tick", args=[item.pk])
    response = client_for("councillor").post(url, {"engagement": others.pk})
    assert "engagement" in response.context["form"].errors
    item.refresh_from_db()
    assert item.done_by is None


def test_another_councillors_plan_item_is_not_found(client_for, champion):
    others = PlanItemFactory()
    client = client_for("councillor")
    for name in ("plan_item_edit", "plan_item_delete", "plan_item_tick"):
        url = reverse(f"champions:{name}", args=[others.pk])
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"intention": "Mine now", "due_by": "2025-06-01"}).status_code == 404
        )
    assert PlanItem.objects.get().intention == others.intention


def test_a_champion_changes_and_removes_a_plan_item(client_for, champion):
    item = PlanItemFactory(member=champion.member)
    client = client_for("councillor")
    response = client.post(
        reverse("champions:plan_item_edit", args=[item.pk]),
        {"intention": "Meet the Children in Care Council", "area": "", "due_by": ""},
    )
    assert "due_by" in response.context["form"].errors
    item.refresh_from_db()
    assert item.intention != "Meet the Children in Care Council"
    assert client.post(reverse("champions:plan_item_delete", args=[item.pk])).status_code == 302
    assert not PlanItem.objects.exists()


def test_the_report_shows_plan_against_what_was_done(client_for, champion):
    done = PlanItemFactory(member=champion.member, intention="Visit the drop-in")
    PlanItemFactory(member=champion.member, intention="Meet the Children in Care Council")
    engagement = EngagementFactory(member=champion.member, area=champion.area)
    services.plan_item_tick(item=done, member=champion.member, engagement=engagement)
    row = annual_report(current_political_year()).members[0]
    assert row.plan_done == 1 and len(row.plan) == 2
    page = client_for("officer").get(reverse("champions:report")).text
    assert "Plans against what was done" in page
    assert "1 of 2 planned items done" in page
    assert "Not done yet" in page


def test_the_report_pdf_shows_the_plan(client_for, champion):
    from io import BytesIO

    from pypdf import PdfReader

    PlanItemFactory(member=champion.member, intention="Visit the drop-in")
    response = client_for("admin").get(reverse("champions:report_pdf"))
    body = response.content if not response.streaming else b"".join(response.streaming_content)
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)
    assert "Plans against what was done" in text
    assert "Visit the drop-in" in text


def test_plan_page_makes_a_constant_number_of_queries(client_for, champion):
    from tests.helpers import assert_constant_queries

    def grow():
        for _ in range(3):
            engagement = EngagementFactory(member=champion.member, area=champion.area)
            PlanItemFactory(member=champion.member, done_by=engagement)
            PlanItemFactory(member=champion.member, area=champion.area)

    PlanItemFactory(member=champion.member)
    assert_constant_queries(client_for("councillor"), reverse("champions:plan"), grow)
