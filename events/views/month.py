"""The month calendar pages: a grid at desktop width that becomes a list of days on a phone
(CSS only: it works without JavaScript), with events and panel meetings together.

Filters: area and category choose events (a category of "meeting" keeps panel meetings too);
a body chooses that body's panel meetings only. Years are bounded by corporate_parenting.inputs,
so no address makes an error."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from corporate_parenting.http import SignedInRequest
from corporate_parenting.inputs import month_from, year_from
from corporate_parenting.models import SIGNED_IN_ROLES, Role, User
from corporate_parenting.permissions import role_required
from events.filters import EventFilter
from events.models import Category, Event, EventQuerySet, SignUp
from events.month import Month, area_names_of, build_month, meetings_for, month_bounds
from panels.models import Body


def _first_of_month(request: HttpRequest) -> date:
    today = timezone.localdate()
    try:
        return date(
            year_from(request.GET.get("year"), today.year),
            month_from(request.GET.get("month"), today.month),
            1,
        )
    except ValueError:
        return today.replace(day=1)


def _bodies(request: HttpRequest) -> list[Body]:
    if request.user.is_authenticated:
        rows = Body.objects.filter(
            Q(pk__in=Body.objects.visible_to(request.user).values("pk"))
            | Q(pk__in=Body.objects.public().values("pk"))
        )
    else:
        rows = Body.objects.public()
    return list(rows.order_by("name"))


def _month_page(
    request: HttpRequest,
    *,
    person: User | None,
    events_base: EventQuerySet,
    event_url: str,
    template: str,
) -> HttpResponse:
    """The month of events and meetings: a member's (`person`) or the public's (None)."""
    public = person is None
    first = _first_of_month(request)
    today = timezone.localdate()
    start, end = month_bounds(first)
    event_filter = EventFilter(
        request.GET or None,
        queryset=events_base.overlapping(start, end).with_signup_counts().in_order(),
    )
    bodies = _bodies(request)
    chosen_body = next((b for b in bodies if b.slug == request.GET.get("body")), None)
    area_chosen = bool(event_filter.form.is_valid() and event_filter.form.cleaned_data.get("area"))
    category = (
        event_filter.form.cleaned_data.get("category") if event_filter.form.is_valid() else ""
    )
    events = [] if chosen_body else list(event_filter.qs)
    show_meetings = not area_chosen and category in ("", None, Category.MEETING)
    meetings = meetings_for(request.user, chosen_body)
    if not show_meetings:
        meetings = meetings.none()
    mine = (
        frozenset()
        if person is None
        else frozenset(
            SignUp.objects.active()
            .filter(person=person, event__in=[e.pk for e in events])
            .order_by()  # the default ordering would join events and people for nothing
            .values_list("event_id", flat=True)
        )
    )
    month: Month = build_month(
        first=first,
        today=today,
        events=events,
        area_names=area_names_of(events),
        meetings=meetings,
        user=request.user,
        event_url=event_url,
        mine=mine,
    )
    query = request.GET.copy()
    for key in ("year", "month"):
        query.pop(key, None)
    filters = query.urlencode()

    def address(day: date | None) -> str:
        if day is None:
            return ""
        return f"?year={day.year}&month={day.month}" + (f"&{filters}" if filters else "")

    return render(
        request,
        template,
        {
            "month": month,
            "first": first,
            "filter": event_filter,
            "bodies": bodies,
            "chosen_body": chosen_body,
            "filtered": bool(filters),
            "today": today,
            "previous_url": address(month.previous),
            "next_url": address(month.next),
            "today_url": address(today.replace(day=1)),
            "can_sign_up": person is not None and person.has_role(Role.COUNCILLOR),
            "public": public,
            "weekdays": (
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ),
        },
    )


@role_required(*SIGNED_IN_ROLES)
def month(request: SignedInRequest) -> HttpResponse:
    return _month_page(
        request,
        person=request.user,
        events_base=Event.objects.all(),
        event_url="events:detail",
        template="events/month.html",
    )


def public_month(request: HttpRequest) -> HttpResponse:
    return _month_page(
        request,
        person=None,
        events_base=Event.objects.public(),
        event_url="events:public_detail",
        template="events/public_month.html",
    )
