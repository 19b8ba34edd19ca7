"""Champions tag themes on their engagements, and officers tag feedback when they moderate it."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.models import Engagement
from offer.models import Feedback
from tests.champions.factories import AppointmentFactory, MemberFactory
from tests.offer.factories import FeedbackFactory
from voice.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(councillor):
    return AppointmentFactory(member=MemberFactory(user=councillor))


def _post(area, **extra):
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


def _slugs(record):
    return sorted(record.themes.values_list("slug", flat=True))


def test_engagement_form_offers_themes_as_small_checkboxes(client_for, champion):
    page = client_for("councillor").get(reverse("champions:engagement_create")).content.decode()
    assert "What did they talk about? (optional)" in page
    assert "govuk-checkboxes--small" in page
    assert 'name="themes"' in page and "Feeling safe" in page


def test_champion_tags_an_engagement_and_its_page_shows_the_themes(client_for, champion):
    housing, money = Theme.objects.get(slug="housing"), Theme.objects.get(slug="money")
    client = client_for("councillor")
    response = client.post(
        reverse("champions:engagement_create"),
        _post(champion.area, themes=[housing.pk, money.pk]),
        follow=True,
    )
    engagement = Engagement.objects.get()
    assert _slugs(engagement) == ["housing", "money"]
    assert "Housing, Money" in response.content.decode()
    client.post(
        reverse("champions:engagement_edit", args=[engagement.pk]),
        _post(champion.area, themes=[money.pk]),
    )
    assert _slugs(engagement) == ["money"]


def test_a_retired_theme_is_not_offered_but_an_engagement_keeps_it(client_for, champion):
    identity = Theme.objects.get(slug="identity")
    client = client_for("councillor")
    client.post(reverse("champions:engagement_create"), _post(champion.area, themes=[identity.pk]))
    engagement = Engagement.objects.get()
    identity.retired_at = timezone.now()
    identity.save()
    assert "Identity" not in client.get(reverse("champions:engagement_create")).content.decode()
    edit = reverse("champions:engagement_edit", args=[engagement.pk])
    assert "Identity" in client.get(edit).content.decode()
    client.post(edit, _post(champion.area, what_we_did="Changed", themes=[identity.pk]))
    engagement.refresh_from_db()
    assert engagement.what_we_did == "Changed" and _slugs(engagement) == ["identity"]
    response = client.post(
        reverse("champions:engagement_create"), _post(champion.area, themes=[identity.pk])
    )
    assert response.status_code == 200
    assert "Choose themes from the list" in response.content.decode()
    assert Engagement.objects.count() == 1


def test_hostile_theme_values_are_a_field_error(client_for, champion):
    response = client_for("councillor").post(
        reverse("champions:engagement_create"),
        _post(champion.area, themes=["x" * 300, "-1"], what_we_did="Kept words"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose themes from the list" in page and "Kept words" in page
    assert not Engagement.objects.exists()


def test_officer_tags_feedback_when_moderating(client_for):
    item = FeedbackFactory(text="I did not know about council tax")
    money = Theme.objects.get(slug="money")
    officer = client_for("officer")
    page = officer.get(f"/offer/manage/feedback/{item.pk}/").content.decode()
    assert "What is it about? (optional)" in page and "Being listened to" in page
    response = officer.post(
        f"/offer/manage/feedback/{item.pk}/",
        {
            "decision": "publish",
            "you_said": "You did not know about Council Tax",
            "we_did": "We told everyone",
            "themes": [money.pk],
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Feedback.Status.PUBLISHED and _slugs(item) == ["money"]
    page = officer.get(f"/offer/manage/feedback/{item.pk}/").content.decode()
    assert re.search(rf'<input[^>]*value="{money.pk}"[^>]*checked', page)
