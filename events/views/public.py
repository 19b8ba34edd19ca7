"""Public pages: no sign-in, public events only, never a name."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from events.models import Event
from events.views import feeds


def public_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    events = Event.objects.public().scheduled().upcoming(today).in_order()[:100]
    return render(
        request,
        "events/public_list.html",
        {"events": events, "page_feeds": feeds.public_feed_links()},
    )


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.public(), pk=pk)
    return render(request, "events/public_detail.html", {"event": event})
