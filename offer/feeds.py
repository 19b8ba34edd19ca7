"""RSS and Atom feeds of new or changed entries of the care leaver offer (published ones only),
newest change first. Included into the offer namespace by offer/urls.py."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import path, reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, RssFeed

from corporate_parenting.feeds import FeedLink, syndication_link
from offer.models import OfferEntry

LIMIT = 50


class OfferUpdatesFeed(Feed):
    feed_type: type[RssFeed] | type[Atom1Feed] = Rss201rev2Feed
    title = "Care leaver offer: new and changed entries"
    link = reverse_lazy("offer:index")
    description = "What care leavers are entitled to, as entries are added or changed."
    feed_url = reverse_lazy("offer:feed_rss")

    def items(self) -> QuerySet[OfferEntry]:
        return (
            OfferEntry.objects.published()
            .select_related("category")
            .order_by("-updated_at", "-pk")[:LIMIT]
        )

    def item_title(self, item: OfferEntry) -> str:
        return item.title

    def item_description(self, item: OfferEntry) -> str:
        return item.summary

    def item_link(self, item: OfferEntry) -> str:
        return reverse("offer:entry", kwargs={"slug": item.slug})

    def item_guid(self, item: OfferEntry) -> str:
        # A change is a new item for feed readers: the guid names the version.
        return f"offer-entry-{item.pk}-{item.updated_at:%Y%m%d%H%M%S}"

    def item_guid_is_permalink(self, item: OfferEntry) -> bool:
        return False

    def item_pubdate(self, item: OfferEntry) -> datetime:
        return item.updated_at

    def item_updateddate(self, item: OfferEntry) -> datetime:
        return item.updated_at

    def item_categories(self, item: OfferEntry) -> list[str]:
        return [item.category.name]


class OfferUpdatesAtomFeed(OfferUpdatesFeed):
    feed_type = Atom1Feed
    subtitle = OfferUpdatesFeed.description
    feed_url = reverse_lazy("offer:feed_atom")


def offer_feed_links() -> list[FeedLink]:
    """The offer's feeds, as the offer's pages offer them."""
    return [
        syndication_link(
            label="New and changed entries",
            title=str(feed.title),
            url=str(feed.feed_url),
            feed_type=feed.feed_type,
        )
        for feed in (OfferUpdatesFeed, OfferUpdatesAtomFeed)
    ]


urlpatterns = [
    path("updates.rss", OfferUpdatesFeed(), name="feed_rss"),
    path("updates.atom", OfferUpdatesAtomFeed(), name="feed_atom"),
]
