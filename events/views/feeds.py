"""Calendar files and feeds: one event's .ics, the public feed, and a member's private feed
(their sign-ups and their bodies' meetings) with the page that manages its secret address."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corporate_parenting.feeds import FeedLink
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, User
from corporate_parenting.permissions import is_council_person, role_required
from events import ical, services
from events.models import Event, FeedToken, SignUpStatus
from events.views.common import PUBLIC_FEED_DAYS_BACK
from panels.models import Meeting

NEW_FEED_SESSION_KEY = "events:new-feed-secret"


PUBLIC_FEED_TITLE = "Corporate parenting: public events"


def public_feed_links() -> list[FeedLink]:
    """The public calendar, as the public events pages offer it to calendar apps."""
    return [
        FeedLink(
            label="Public events",
            title=PUBLIC_FEED_TITLE,
            url=reverse("events:public_feed"),
            format="Calendar",
            content_type="text/calendar",
        )
    ]


def public_feed(request: HttpRequest) -> HttpResponse:
    since = timezone.localdate() - timedelta(days=PUBLIC_FEED_DAYS_BACK)
    events = Event.objects.public().filter(end_date__gte=since).in_order()
    content = ical.calendar_bytes(
        PUBLIC_FEED_TITLE,
        events,
        request=request,
        url_name="events:public_detail",
    )
    return ical.ics_response(content, filename="public-events.ics")


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """'Add to calendar': one event as an .ics file. Members-only events need signing in."""
    council = is_council_person(request.user)
    scope = Event.objects.all() if council else Event.objects.public()
    event = get_object_or_404(scope, pk=pk)
    url_name = "events:detail" if council else "events:public_detail"
    content = ical.calendar_bytes(event.title, [event], request=request, url_name=url_name)
    return ical.ics_response(content, filename=f"event-{event.pk}.ics", download=True)


@role_required(*SIGNED_IN_ROLES)
def feed(request: SignedInRequest) -> HttpResponse:
    token = FeedToken.objects.filter(person=request.user).first()
    # The secret is kept only as a hash: its address is shown once, on the page that follows
    # making it (the session holds it until then, and gives it up on showing it).
    secret = request.session.pop(NEW_FEED_SESSION_KEY, "")
    feed_url = (
        request.build_absolute_uri(reverse("events:private_feed", kwargs={"token": secret}))
        if token and secret
        else ""
    )
    return render(
        request,
        "events/feed.html",
        {
            "token": token,
            "feed_url": feed_url,
            "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
            "public_feed_url": request.build_absolute_uri(reverse("events:public_feed")),
        },
    )


@role_required(*SIGNED_IN_ROLES)
@require_POST
def feed_regenerate(request: SignedInRequest) -> HttpResponse:
    had_one = FeedToken.objects.filter(person=request.user).exists()
    made = services.feed_token_regenerate(person=request.user)
    request.session[NEW_FEED_SESSION_KEY] = made.token
    messages.success(
        request,
        "Your calendar address has been changed: calendars using the old address will stop "
        "updating. Subscribe again with the new one."
        if had_one
        else "Your calendar address is ready: add it to your calendar",
    )
    return redirect("events:feed")


@role_required(*SIGNED_IN_ROLES)
@require_POST
def feed_revoke(request: SignedInRequest) -> HttpResponse:
    services.feed_token_revoke(person=request.user)
    messages.success(request, "Your calendar address has been turned off")
    return redirect("events:feed")


def private_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A member's own calendar: their sign-ups and their bodies' meetings. The secret is the key."""
    feed_token = services.feed_token_find(token)
    if feed_token is None:
        raise Http404
    person = feed_token.person
    if not person.is_active:
        raise Http404
    since = timezone.localdate() - timedelta(days=PUBLIC_FEED_DAYS_BACK)
    events = Event.objects.filter(
        signups__person=person,
        signups__status=SignUpStatus.SIGNED_UP,
        end_date__gte=since,
    ).in_order()
    content = ical.calendar_bytes(
        "Corporate parenting: my events and meetings",
        events,
        request=request,
        meetings=_meetings_for(person, since),
    )
    return ical.ics_response(content, filename="my-events.ics")


def _meetings_for(person: User, since: date) -> list[Meeting]:
    return list(
        Meeting.objects.for_member(person)
        .filter(date__gte=since)
        .select_related("body")
        .distinct()
        .order_by("date", "start_time")
    )
