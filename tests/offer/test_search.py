import pytest

from offer.models import OfferEntry
from tests.offer.factories import OfferEntryFactory

pytestmark = pytest.mark.django_db


def titles(rows) -> list[str]:
    return [row.title for row in rows]


def test_council_tax_finds_council_tax_exemption():
    OfferEntryFactory(title="Council Tax exemption", summary="You do not pay it until you are 25.")
    OfferEntryFactory(title="Bus passes", summary="Travel to college.")
    assert titles(OfferEntry.objects.published().search("council tax")) == ["Council Tax exemption"]


def test_search_stems_english_words():
    OfferEntryFactory(title="Help with bills", summary="We help you budget and pay your bills.")
    # "paying" and "budgets" stem to "pay" and "budget".
    assert titles(OfferEntry.objects.search("paying budgets")) == ["Help with bills"]


def test_title_match_ranks_above_details_match():
    OfferEntryFactory(
        title="Leisure card", summary="Swim for free.", details="Ask about housing too."
    )
    OfferEntryFactory(title="Housing help", summary="Find a home.")
    assert titles(OfferEntry.objects.search("housing")) == ["Housing help", "Leisure card"]


def test_search_ignores_drafts_on_public_list():
    OfferEntryFactory(title="Council Tax exemption", status=OfferEntry.Status.DRAFT)
    assert titles(OfferEntry.objects.published().search("council tax")) == []


def test_search_survives_punctuation_and_operators():
    OfferEntryFactory(title="Council Tax exemption")
    for text in ['"council', "tax -", "!!!", "or or", "&|:*"]:
        list(OfferEntry.objects.search(text))


def test_filter_by_age_keeps_entries_whose_band_includes_it():
    OfferEntryFactory(title="Young", age_from=16, age_to=17)
    OfferEntryFactory(title="Older", age_from=18, age_to=25)
    assert titles(OfferEntry.objects.for_age(17)) == ["Young"]
    assert titles(OfferEntry.objects.for_age(18)) == ["Older"]
    assert len(OfferEntry.objects.for_age(None)) == 2


def test_filter_by_care_leaver_status():
    OfferEntryFactory(title="For all", for_qualifying=True)
    OfferEntryFactory(title="Not qualifying", for_qualifying=False)
    assert titles(OfferEntry.objects.for_status("qualifying")) == ["For all"]


def test_search_page_shows_the_council_tax_entry(client):
    OfferEntryFactory(title="Council Tax exemption", slug="council-tax-exemption")
    response = client.get("/offer/search/?q=council+tax&age=19&status=former_relevant")
    assert response.status_code == 200
    assert b"/offer/help/council-tax-exemption/" in response.content
    assert b"1 result" in response.content


def test_search_page_with_bad_filters_still_answers(client):
    response = client.get("/offer/search/?q=tax&age=99&status=nonsense")
    assert response.status_code == 200
