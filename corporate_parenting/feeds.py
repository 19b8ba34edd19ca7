"""The feeds a page offers, said once: the view puts them in its context as `page_feeds`, the base
layout announces each in <head> (<link rel="alternate">, which browsers and feed readers find),
and includes/feed_links.html shows the same list as links on the page."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.feedgenerator import Atom1Feed, RssFeed


@dataclass(frozen=True)
class FeedLink:
    label: str  # what it carries, as the page lists it: "Agendas"
    title: str  # the feed's own title: "Corporate Parenting Panel: agendas"
    url: str
    format: str  # "RSS", "Atom", "Calendar"
    content_type: str  # the media type its address answers with, without the charset

    @property
    def announced_title(self) -> str:
        """The title a browser or feed reader lists: one line per feed, so the format too."""
        return f"{self.title} ({self.format})"


def syndication_link(
    *, label: str, title: str, url: str, feed_type: type[RssFeed] | type[Atom1Feed]
) -> FeedLink:
    """A link to an RSS or Atom feed, typed as the feed answers (Django's feed classes)."""
    content_type = feed_type.content_type.partition(";")[0].strip()
    fmt = "Atom" if content_type == "application/atom+xml" else "RSS"
    return FeedLink(label=label, title=title, url=url, format=fmt, content_type=content_type)
