"""Young people look for an age range (18 to 25), not one age: the search and the category pages
take a 'from' and a 'to' age and show every entry whose ages overlap the range."""

import pytest

from offer.models import OfferEntry
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db


def titles(rows) -> list[str]:
    return sorted(row.title for row in rows)


@pytest.fixture
def bands():
    OfferEntryFactory(title="Sixteen and seventeen", age_from=16, age_to=17)
    OfferEntryFactory(title="Seventeen to twenty-one", age_from=17, age_to=21)
    OfferEntryFactory(title="Twenty-one to twenty-five", age_from=21, age_to=25)
    OfferEntryFactory(title="Twenty-six and over", age_from=26, age_to=30)


def test_an_entry_counts_when_its_ages_overlap_the_range(bands):
    assert titles(OfferEntry.objects.for_ages(18, 25)) == [
        "Seventeen to twenty-one",
        "Twenty-one to twenty-five",
    ]
    # The ends count: 17 to 21 touches 21 to 25 at 21.
    assert titles(OfferEntry.objects.for_ages(21, 21)) == [
        "Seventeen to twenty-one",
        "Twenty-one to twenty-five",
    ]


def test_an_open_end_is_any_age_that_way(bands):
    assert titles(OfferEntry.objects.for_ages(22, None)) == [
        "Twenty-one to twenty-five",
        "Twenty-six and over",
    ]
    assert titles(OfferEntry.objects.for_ages(None, 16)) == ["Sixteen and seventeen"]
    assert len(OfferEntry.objects.for_ages(None, None)) == 4


def test_search_page_shows_entries_overlapping_18_to_25(client, bands):
    content = client.get("/offer/search/?age_from=18&age_to=25").content.decode()
    assert "Seventeen to twenty-one" in content
    assert "Twenty-one to twenty-five" in content
    assert "Sixteen and seventeen" not in content
    assert "Twenty-six and over" not in content
    assert "2 results for ages 18 to 25" in content
    # What was typed stays in the boxes.
    assert (
        'name="age_from" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="18"'
        in content
    )
    assert (
        'name="age_to" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="25"'
        in content
    )


def test_category_page_takes_the_range_too(client):
    money = OfferCategoryFactory(slug="money", name="Money")
    OfferEntryFactory(category=money, title="For 16 and 17", age_from=16, age_to=17)
    OfferEntryFactory(category=money, title="For 18 to 21", age_from=18, age_to=21)
    content = client.get("/offer/category/money/?age_from=19&age_to=25").content.decode()
    assert "For 18 to 21" in content and "For 16 and 17" not in content
    assert "1 thing you can get for ages 19 to 25" in content


def test_an_old_link_with_one_age_still_works(client, bands):
    content = client.get("/offer/search/?age=17").content.decode()
    assert "2 results for age 17" in content
    assert "Sixteen and seventeen" in content and "Seventeen to twenty-one" in content


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("age_from=eighteen", "age-from", "Enter the ‘from’ age as a whole number, like 18"),
        ("age_to=18.5", "age-to", "Enter the ‘to’ age as a whole number, like 25"),
        ("age_from=-1", "age-from", "Enter a ‘from’ age from 0 to 30"),
        ("age_to=99", "age-to", "Enter a ‘to’ age from 0 to 30"),
        ("age_from=25&age_to=18", "age-to", "The ‘to’ age must be the same as or more than"),
        ("age_from=%00", "age-from", "Enter the ‘from’ age as a whole number"),
        ("age_to=1%0D%0A2", "age-to", "Enter the ‘to’ age as a whole number"),
        ("age_from=" + "9" * 10_000, "age-from", "Enter the ‘from’ age as a whole number"),
        ("age=99", "age-from", "Enter a ‘from’ age from 0 to 30"),
        ("status=nonsense", "status", "Choose a care leaver status from the list"),
    ],
)
def test_a_bad_age_is_a_clear_error_on_its_field(client, bands, query, field, message):
    response = client.get(f"/offer/search/?q=help&{query}")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: " in content
    assert "There is a problem" in content
    assert f'<a href="#offer-{field}">{message}' in content
    assert f'id="offer-{field}-error"' in content
    # No results are shown for a search that could not be read, and the words are kept.
    assert 'id="results"' not in content
    assert 'value="help"' in content


def test_category_filter_errors_link_to_its_own_fields(client):
    OfferCategoryFactory(slug="money", name="Money")
    content = client.get("/offer/category/money/?age_from=20&age_to=19").content.decode()
    assert '<a href="#filter-age-to">The ‘to’ age must be the same as' in content
    assert 'id="filter-age-to"' in content


def test_no_results_says_what_was_searched(client, bands):
    content = client.get(
        "/offer/search/?q=council+tax&age_from=18&age_to=25&status=former_relevant"
    ).content.decode()
    assert (
        "We could not find any help for ‘council tax’, for ages 18 to 25, "
        "status: former relevant." in content
    )
    assert "search for ‘council tax’ for any age and status" in content


def test_no_results_in_a_category_says_what_was_searched(client):
    OfferCategoryFactory(slug="money", name="Money")
    content = client.get("/offer/category/money/?age_from=26").content.decode()
    assert "Nothing in money is for ages 26 and over." in content
