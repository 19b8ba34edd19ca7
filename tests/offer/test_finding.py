"""The forgiving offer search, paging and filters everywhere, and the editors' synonyms list."""

import pytest

from corporate_parenting.models import AuditEvent
from offer.models import OfferEntry, SearchSynonym
from offer.search import offer_search, spellings, understand, words_refresh
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    return [e.title for e in offer_search(OfferEntry.objects.published(), text).entries]


@pytest.fixture
def offer():
    OfferEntryFactory(
        title="Council Tax exemption", summary="You do not pay Council Tax until you are 25."
    )
    OfferEntryFactory(title="Help to open a bank account", summary="We help you open one.")
    OfferEntryFactory(title="Free leisure centre card", summary="Use our leisure centres for free.")
    OfferEntryFactory(title="Help to find a home", summary="Somewhere safe to live.")


def test_misspelt_word_still_finds_the_entry_and_says_did_you_mean(offer):
    assert found("counsil tax")[0] == "Council Tax exemption"
    assert understand("counsil tax").did_you_mean == "council tax"


def test_american_spelling_finds_the_british_entry(offer):
    assert spellings("center") == {"centre"}
    assert found("leisure center") == ["Free leisure centre card"]


def test_one_extra_word_does_not_empty_the_results(offer):
    assert found("council tax help")[0] == "Council Tax exemption"
    assert found("how do i get help with council tax")[0] == "Council Tax exemption"


def test_everyday_word_finds_the_official_one_through_the_synonyms(offer):
    SearchSynonym.objects.update_or_create(term="crib", defaults={"words": "home"})
    assert found("crib") == ["Help to find a home"]


def test_when_no_entry_has_every_word_the_closest_are_shown_and_marked_partial(offer):
    result = offer_search(OfferEntry.objects.published(), "council tax swimming")
    assert result.partial
    assert {e.title for e in result.entries} == {
        "Council Tax exemption",
        "Free leisure centre card",
    }


def test_the_entry_that_answers_outranks_one_that_shares_a_word_in_its_title():
    OfferEntryFactory(title="Travel passes", summary="A card for the bus.")
    OfferEntryFactory(
        title="Money for your first home", summary="A grant to furnish your home and buy a bed."
    )
    assert found("money to furnish my home")[0] == "Money for your first home"


def test_drafts_never_found():
    OfferEntryFactory(title="Council Tax exemption", status=OfferEntry.Status.DRAFT)
    assert found("council tax") == []
    assert found("counsil") == []


def test_hostile_text_answers(offer):
    for text in ['"council', "tax -", "!!!", "or or", "&|:*", "a" * 500, "<-> ! & |", "é ü 中文"]:
        list(offer_search(OfferEntry.objects.published(), text).entries)


def test_words_are_rebuilt_only_when_the_offer_changes(offer):
    words_refresh(force=True)
    assert not words_refresh()
    OfferEntryFactory(title="Brand new thing")
    assert words_refresh()


# ---------------------------------------------------------------- pages


def test_filter_without_words_lists_every_entitlement_on_pages(client):
    for number in range(45):
        OfferEntryFactory(title=f"Entitlement {number:02}", age_from=16, age_to=25)
    OfferEntryFactory(title="Too old for you", age_from=21, age_to=25)
    first = client.get("/offer/search/?age=18")
    assert b"45 results for age 18" in first.content
    assert b"Page 1 of 3" in first.content
    last = client.get("/offer/search/?age=18&page=3")
    assert b"Entitlement 44" in last.content
    assert b"Too old for you" not in last.content
    assert client.get("/offer/search/?age=18&page=999").status_code == 200
    assert client.get("/offer/search/?age=18&page=-1").status_code == 200


def test_category_page_applies_the_filters(client):
    money = OfferCategoryFactory(slug="money")
    OfferEntryFactory(category=money, title="For 16 and 17", age_from=16, age_to=17)
    OfferEntryFactory(category=money, title="For over 18s", age_from=18, age_to=25)
    response = client.get("/offer/category/money/?age=17")
    assert b"For 16 and 17" in response.content
    assert b"For over 18s" not in response.content
    assert b"1 thing you can get for age 17" in response.content


def test_search_page_shows_did_you_mean_and_partial_message(client, offer):
    response = client.get("/offer/search/?q=counsil+tax")
    assert b"Did you mean" in response.content
    assert b"q=council+tax" in response.content
    response = client.get("/offer/search/?q=council+tax+swimming")
    assert b"No help matches all of your words" in response.content


def test_editor_adds_a_synonym_and_search_uses_it(client_for, offer):
    client = client_for("officer")
    response = client.post(
        "/offer/manage/synonyms/new/", {"term": "Gaff", "words": "home, somewhere to live"}
    )
    assert response.status_code == 302
    synonym = SearchSynonym.objects.get(term="gaff")
    assert synonym.words == "home, somewhere to live"
    assert AuditEvent.objects.filter(object_repr__startswith="gaff").exists()
    assert found("gaff") == ["Help to find a home"]
    again = client.post("/offer/manage/synonyms/new/", {"term": "gaff", "words": "house"})
    assert b"already in the list" in again.content
    client.post(f"/offer/manage/synonyms/{synonym.pk}/delete/")
    assert not SearchSynonym.objects.filter(term="gaff").exists()
