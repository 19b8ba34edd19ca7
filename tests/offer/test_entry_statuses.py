"""A new entry starts with no care leaver status ticked, and a status nobody of the entry's ages
can have (eligible for 18 to 25) is refused with an error on that status's box."""

import pytest
from django.core.exceptions import ValidationError

from offer import services
from offer.models import CareLeaverStatus, OfferEntry, statuses_outside_ages
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db


def _entry_data(category, officer, **changes):
    data = {
        "category": category.pk,
        "title": "Help with Council Tax",
        "summary": "You do not pay it.",
        "age_from": 18,
        "age_to": 25,
        "kind": "extra",
        "owner": officer.pk,
        "review_by": "2030-01-31",
        "status": "published",
    }
    data.update(changes)
    return data


def test_a_new_entry_form_starts_with_no_status_ticked(client_for, officer):
    content = client_for("officer").get("/offer/manage/new/").content.decode()
    for name in ("for_eligible", "for_relevant", "for_former_relevant", "for_qualifying"):
        box = content[content.index(f'name="{name}"') :]
        box = box[: box.index(">")]
        assert "checked" not in box, name
    # Saved as it starts, it asks for a status.
    response = client_for("officer").post(
        "/offer/manage/new/", _entry_data(OfferCategoryFactory(), officer)
    )
    assert "Choose at least one care leaver status" in response.content.decode()
    assert not OfferEntry.objects.exists()


def test_each_status_is_checked_against_the_ages_it_applies_at():
    every = list(CareLeaverStatus)
    assert set(statuses_outside_ages(18, 25, every)) == {
        CareLeaverStatus.ELIGIBLE,
        CareLeaverStatus.RELEVANT,
    }
    assert set(statuses_outside_ages(16, 17, every)) == {CareLeaverStatus.FORMER_RELEVANT}
    # One year in common is enough.
    assert statuses_outside_ages(17, 18, every) == {}
    assert statuses_outside_ages(16, 25, every) == {}
    assert set(statuses_outside_ages(26, 30, every)) == set(every)
    why = statuses_outside_ages(18, 25, [CareLeaverStatus.ELIGIBLE])[CareLeaverStatus.ELIGIBLE]
    assert why == (
        "Eligible care leavers are aged 16 or 17, so nobody aged 18 to 25 is eligible: "
        "untick ‘eligible’ or change the ages"
    )


def test_eligible_for_18_to_25_is_an_error_on_the_eligible_box(client_for, officer):
    category = OfferCategoryFactory()
    response = client_for("officer").post(
        "/offer/manage/new/",
        _entry_data(category, officer, for_eligible="on", for_former_relevant="on"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    message = "Eligible care leavers are aged 16 or 17, so nobody aged 18 to 25 is eligible"
    assert f'<a href="#id_for_eligible">{message}' in content  # the summary links to the box
    assert 'aria-describedby="id_for_eligible_1_error"' in content  # and sits on it
    assert "Former relevant care leavers are" not in content
    assert 'value="Help with Council Tax"' in content  # nothing typed is lost
    assert not OfferEntry.objects.exists()
    # Untick it, and the entry saves.
    client_for("officer").post(
        "/offer/manage/new/", _entry_data(category, officer, for_former_relevant="on")
    )
    assert OfferEntry.objects.get().statuses == ["Former relevant"]


def test_the_service_refuses_a_contradiction_too(officer):
    with pytest.raises(ValidationError) as refused:
        services.offer_entry_save(
            actor=officer,
            category=OfferCategoryFactory(),
            title="Weekly allowance",
            summary="Money each week.",
            age_from=16,
            age_to=17,
            for_former_relevant=True,
            review_by="2030-01-31",
        )
    assert "for_former_relevant" in refused.value.message_dict


def test_an_entry_saved_before_the_rule_shows_a_warning_when_opened(client_for):
    entry = OfferEntryFactory(age_from=18, age_to=25, for_eligible=True)
    content = client_for("officer").get(f"/offer/manage/{entry.pk}/").content.decode()
    assert 'id="statuses-outside-ages"' in content
    assert "nobody aged 18 to 25 is eligible" in content
