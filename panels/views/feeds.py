"""RSS and Atom feeds of a public body's papers: published agendas, approved minutes, and
decisions. Only what the public pages show: meetings whose agenda was published
(MeetingQuerySet.public), of public bodies; an exempt item appears by its title alone, and its
resolutions and decisions not at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from corporate_parenting.feeds import FeedLink, syndication_link
from panels.models import Body, Meeting, Resolution, Supplement

FEED_KINDS = {
    "agendas": "Agendas",
    "minutes": "Approved minutes",
    "decisions": "Decisions",
}
LIMIT = 50


class PaperFeedConverter:
    regex = "agendas|minutes|decisions"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


@dataclass(frozen=True)
class BodyFeedSource:
    body: Body
    kind: str


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def agenda_summary(meeting: Meeting) -> str:
    """The agenda's items by title; an exempt item is said to be taken in private, no more."""
    lines = [
        f"{number}. {item.title}" + ("" if item.content_is_public else " (taken in private)")
        for number, item in enumerate(meeting.items.all(), start=1)
    ]
    return "\n".join(lines)


def _published(item: Meeting | Supplement) -> datetime:
    published = item.published_at if isinstance(item, Supplement) else item.agenda_published_at
    return published or datetime.min.replace(tzinfo=UTC)


def supplement_summary(supplement: Supplement) -> str:
    """Why the papers are late, and their items by title; an exempt item's paper is in the
    members' edition only, so it is said to be taken in private, no more."""
    lines = [f"Papers published after the agenda. Late because: {supplement.reason}"]
    lines += [
        f"{item.position}. {item.title}" + ("" if item.content_is_public else " (taken in private)")
        for item in sorted(supplement.items.all(), key=lambda i: i.position)
    ]
    return "\n".join(lines)


class BodyPapersFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, slug: str, feed: str) -> BodyFeedSource:
        body = get_object_or_404(Body.objects.public(), slug=slug)
        return BodyFeedSource(body=body, kind=feed)

    def title(self, obj: BodyFeedSource) -> str:
        return f"{obj.body.name}: {FEED_KINDS[obj.kind].lower()}"

    def link(self, obj: BodyFeedSource) -> str:
        return reverse("panels:alert_subscribe", kwargs={"slug": obj.body.slug})

    def description(self, obj: BodyFeedSource) -> str:
        return f"{FEED_KINDS[obj.kind]} of the {obj.body.name}, as they are published."

    def feed_url(self, obj: BodyFeedSource) -> str:
        name = "panels:body_feed_atom" if self.feed_type is Atom1Feed else "panels:body_feed_rss"
        return reverse(name, kwargs={"slug": obj.body.slug, "feed": obj.kind})

    def items(self, obj: BodyFeedSource) -> QuerySet | list:
        meetings = Meeting.objects.public().filter(body=obj.body).select_related("body")
        if obj.kind == "agendas":
            # Agendas, and the supplements of late papers that follow them.
            agendas: list[Meeting | Supplement] = list(
                meetings.prefetch_related("items").order_by("-agenda_published_at")[:LIMIT]
            )
            agendas += list(
                Supplement.objects.public()
                .filter(meeting__body=obj.body)
                .select_related("meeting__body")
                .prefetch_related("items")
                .order_by("-published_at")[:LIMIT]
            )
            return sorted(agendas, key=_published, reverse=True)[:LIMIT]
        if obj.kind == "minutes":
            return list(
                Meeting.objects.with_public_minutes()
                .filter(body=obj.body)
                .select_related("body")
                .prefetch_related("items")
                .order_by("-minutes_approved_at")[:LIMIT]
            )
        return list(
            Resolution.objects.public()
            .decisions()
            .filter(item__meeting__body=obj.body)
            .select_related("item__meeting__body", "decision_status")
            .order_by("-item__meeting__date", "item__position", "position")[:LIMIT]
        )

    def item_title(self, item: Meeting | Resolution | Supplement) -> str:
        if isinstance(item, Supplement):
            return f"{item.meeting.body.name}, {_day(item.meeting.date)}: {item.label}"
        if isinstance(item, Resolution):
            return f"{item.item.title}: {item.decision_status}"
        return f"{item.body.name}, {_day(item.date)}"

    def item_description(self, item: Meeting | Resolution | Supplement) -> str:
        if isinstance(item, Supplement):
            return supplement_summary(item)
        if isinstance(item, Resolution):
            key = " This is a key decision." if item.is_key_decision else ""
            call_in = (
                f" It can be called in until {_day(item.call_in_deadline)}."
                if item.subject_to_call_in and item.call_in_deadline
                else ""
            )
            return f"{item.text} Decision: {item.decision_status}.{key}{call_in}"
        return agenda_summary(item)

    def item_link(self, item: Meeting | Resolution | Supplement) -> str:
        if isinstance(item, Supplement):
            return reverse("panels:supplement_pack", args=[item.meeting_id, item.number, "public"])
        meeting = item.item.meeting if isinstance(item, Resolution) else item
        anchor = f"#resolution-{item.pk}" if isinstance(item, Resolution) else ""
        return reverse("panels:public_meeting", kwargs={"pk": meeting.pk}) + anchor

    def item_guid(self, item: Meeting | Resolution | Supplement) -> str:
        return f"{type(item).__name__.lower()}-{item.pk}-{self._kind}"

    def item_guid_is_permalink(self, item: object) -> bool:
        return False

    def item_pubdate(self, item: Meeting | Resolution | Supplement) -> datetime | None:
        if isinstance(item, Supplement):
            return item.published_at
        if isinstance(item, Resolution):
            return item.item.meeting.minutes_approved_at
        if self._kind == "minutes":
            return item.minutes_approved_at
        return item.agenda_published_at

    def item_updateddate(self, item: Meeting | Resolution | Supplement) -> datetime | None:
        return self.item_pubdate(item)

    def __call__(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        # The kind is needed by the per-item methods, which Django calls with the item only.
        # A Feed instance is shared between threads, so the kind goes on a per-call copy.
        feed = type(self)()
        feed._kind = str(kwargs.get("feed", ""))
        return Feed.__call__(feed, request, *args, **kwargs)

    _kind = ""


class BodyPapersAtomFeed(BodyPapersFeed):
    feed_type = Atom1Feed  # type: ignore[assignment]  # Feed accepts any SyndicationFeed class
    subtitle = BodyPapersFeed.description


rss = BodyPapersFeed()
atom = BodyPapersAtomFeed()


def body_feed_links(body: Body) -> list[FeedLink]:
    """A public body's feeds, each kind in RSS then Atom, as its pages offer them: its papers,
    then its published annual reports."""
    from annual.views import feed_links as annual_feed_links  # annual builds on panels

    return [
        syndication_link(
            label=label,
            title=feed.title(source),
            url=feed.feed_url(source),
            feed_type=feed.feed_type,
        )
        for kind, label in FEED_KINDS.items()
        for source in [BodyFeedSource(body=body, kind=kind)]
        for feed in (rss, atom)
    ] + annual_feed_links(body, label="Annual reports")
