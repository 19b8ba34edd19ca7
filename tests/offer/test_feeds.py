"""The offer's feed of new and changed entries, read with a real feed parser."""

import feedparser
import pytest
from django.urls import reverse

from tests.offer.factories import OfferEntryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "version"), [("offer:feed_rss", "rss20"), ("offer:feed_atom", "atom10")]
)
def test_offer_feed_lists_published_entries_newest_change_first(client, name, version):
    older = OfferEntryFactory(title="Help with Council Tax")
    newer = OfferEntryFactory(title="Setting up home grant")
    OfferEntryFactory(title="Draft entry", status="draft")
    older.summary = "Changed summary"
    older.save()  # changed last: first in the feed, as a new item
    response = client.get(reverse(name))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == [older.title, newer.title]
    assert feed.entries[0].link.endswith(reverse("offer:entry", kwargs={"slug": older.slug}))
    assert "Draft entry" not in response.content.decode()
