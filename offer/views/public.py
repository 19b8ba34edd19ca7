"""The public offer young people read, with no sign-in."""

import datetime
from typing import NamedTuple

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from champions.models import Engagement
from offer import forms
from offer.feeds import offer_feed_links
from offer.models import Feedback, OfferCategory, OfferEntry

YOU_SAID_WE_DID_SHOWN = 100


def index(request: HttpRequest) -> HttpResponse:
    """The offer's home page: search, and every category."""
    return render(
        request,
        "offer/index.html",
        {
            "categories": OfferCategory.objects.all(),
            "search_form": forms.OfferSearchForm(),
            "page_feeds": offer_feed_links(),
        },
    )


def entry(request: HttpRequest, slug: str) -> HttpResponse:
    shown = get_object_or_404(
        OfferEntry.objects.published().select_related("category", "provider"), slug=slug
    )
    return render(request, "offer/entry.html", {"entry": shown})


class Change(NamedTuple):
    """One "you said, we did" item: what young people said and what changed, never who."""

    date: datetime.date
    area: str
    said: str
    did: str


def you_said_we_did(request: HttpRequest) -> HttpResponse:
    """Moderated feedback on the offer and champions' follow-ups marked for this page, newest
    first."""
    items = [
        Change(
            date=(f.moderated_at or f.created_at).date(),
            area="The care leaver offer",
            said=f.you_said,
            did=f.we_did,
        )
        for f in Feedback.objects.you_said_we_did()[:YOU_SAID_WE_DID_SHOWN]
    ]
    items.extend(
        Change(
            date=row["date"],
            area=row["area__name"],
            said=row["young_people_said"],
            did=row["follow_up_response"],
        )
        for row in Engagement.objects.for_you_said_we_did()[:YOU_SAID_WE_DID_SHOWN]
    )
    items.sort(key=lambda item: item.date, reverse=True)
    return render(request, "offer/you_said_we_did.html", {"items": items})
