"""The whole offer to print: rendered once per version of the offer, and always the current one."""

import pytest
from django.core.cache import cache

from offer import printable
from offer.models import OfferEntry
from offer.services import offer_entry_save
from tests.helpers import query_count
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def renders(monkeypatch):
    """How many times the printed sections were rendered from their template."""
    rendered: list[int] = []
    render = printable.render_to_string

    def counting(*args, **kwargs):
        rendered.append(1)
        return render(*args, **kwargs)

    monkeypatch.setattr(printable, "render_to_string", counting)
    return rendered


def _page(client) -> str:
    return client.get("/offer/print/").content.decode()


def test_the_printed_offer_has_every_published_entry_and_no_draft(client):
    money = OfferCategoryFactory(name="Money", slug="money")
    OfferEntryFactory(category=money, title="Setting-up-home allowance", details="Line 1\nLine 2")
    OfferEntryFactory(category=money, title="Not ready yet", status=OfferEntry.Status.DRAFT)
    content = _page(client)
    assert 'href="#money"' in content and "Setting-up-home allowance" in content
    assert "Line 1<br>Line 2" in content
    assert "Not ready yet" not in content
    assert "Was this page useful?" in content  # the feedback form is not cached: it has a token


def test_the_printed_offer_is_rendered_once_until_the_offer_changes(client, renders, officer):
    money = OfferCategoryFactory(name="Money", slug="money")
    entry = OfferEntryFactory(category=money, title="Bursary")
    _page(client)
    _page(client)
    assert len(renders) == 1

    offer_entry_save(entry=entry, actor=officer, title="Higher education bursary")
    assert "Higher education bursary" in _page(client) and len(renders) == 2

    offer_entry_save(entry=entry, actor=officer, status=OfferEntry.Status.DRAFT)
    assert "Higher education bursary" not in _page(client)

    money.name = "Money and bills"
    money.save()
    assert "Money and bills" in _page(client)

    OfferEntryFactory(category=money, title="Council Tax exemption")
    assert "Council Tax exemption" in _page(client)

    OfferEntry.objects.filter(title="Council Tax exemption").delete()
    assert "Council Tax exemption" not in _page(client)
    # Five offers were shown: the last is the one after the renaming again, so it is not redrawn.
    assert len(renders) == 5


def test_the_printed_offer_makes_the_same_queries_however_large_the_offer(client):
    OfferEntryFactory()
    _page(client)
    cache.clear()
    first_visit, again = query_count(client, "/offer/print/"), query_count(client, "/offer/print/")
    for _ in range(5):
        OfferEntryFactory(category=OfferCategoryFactory())
    cache.clear()
    assert query_count(client, "/offer/print/") == first_visit
    assert query_count(client, "/offer/print/") == again < first_visit
