"""Thin views over the events diary: a scoped queryset, a form, one service call, a message."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from champions.models import ChampionArea
from corporate_parenting.audit import AuditEvent
from corporate_parenting.inputs import local_path, year_from
from corporate_parenting.models import Role
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from corporate_parenting.years import current_political_year, political_year_starting
from events import annual, ical, services
from events.filters import EventFilter
from events.forms import EventForm, OverrideSignUpForm, RollForwardForm
from events.models import Event, FeedToken, SignUp, SignUpStatus
from events.tables import EventTable

MEMBERS = (Role.COUNCILLOR, Role.OFFICER, Role.ADMIN)
PUBLIC_FEED_DAYS_BACK = 365


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _safe_next(request: HttpRequest, fallback: str) -> str:
    return local_path(request, request.POST.get("next") or "", fallback)


def _areas_prefetch() -> Prefetch:
    return Prefetch("areas", queryset=ChampionArea.objects.order_by("name"))


# Public pages: no sign-in, public events only, never a name ------------------------------


def public_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    events = Event.objects.public().scheduled().upcoming(today).in_order()[:100]
    return render(request, "events/public_list.html", {"events": events})


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.public(), pk=pk)
    return render(request, "events/public_detail.html", {"event": event})


def public_feed(request: HttpRequest) -> HttpResponse:
    since = timezone.localdate() - timedelta(days=PUBLIC_FEED_DAYS_BACK)
    events = Event.objects.public().filter(end_date__gte=since).in_order()
    content = ical.calendar_bytes(
        "Corporate parenting: public events",
        events,
        request=request,
        url_name="events:public_detail",
    )
    return ical.ics_response(content, filename="public-events.ics")


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """'Add to calendar': one event as an .ics file. Members-only events need signing in."""
    scope = Event.objects.all() if request.user.is_authenticated else Event.objects.public()
    event = get_object_or_404(scope, pk=pk)
    url_name = "events:detail" if request.user.is_authenticated else "events:public_detail"
    content = ical.calendar_bytes(event.title, [event], request=request, url_name=url_name)
    return ical.ics_response(content, filename=f"event-{event.pk}.ics", download=True)


# Members: month view, list view, an event ------------------------------------------------


@role_required(*MEMBERS)
def event_list(request: HttpRequest) -> HttpResponse:
    show_past = request.GET.get("when") == "past"
    today = timezone.localdate()
    base = Event.objects.with_signup_counts()
    base = base.filter(end_date__lt=today) if show_past else base.upcoming(today)
    return table_page(
        request,
        table_class=EventTable,
        filterset=EventFilter(request.GET or None, queryset=base.in_order()),
        template="events/list.html",
        csv_filename="events.csv",
        context={"show_past": show_past},
    )


@role_required(*MEMBERS)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.with_signup_counts().prefetch_related(_areas_prefetch()), pk=pk
    )
    today = timezone.localdate()
    signup = SignUp.objects.filter(event=event, person=request.user).first()
    context = {
        "event": event,
        "signup": signup if signup and signup.status == SignUpStatus.SIGNED_UP else None,
        "today": today,
        "is_full": event.capacity is not None and event.signed_up_count >= event.capacity,
        "can_sign_up": request.user.has_role(Role.COUNCILLOR),
        "dbs_needed": event.involves_children
        and request.user.has_role(Role.COUNCILLOR)
        and not services.dbs_is_cleared(person=request.user, on=event.start_date),
    }
    if request.user.is_portal_admin:
        context["audit_events"] = AuditEvent.objects.for_object(event)[:20]
    return render(request, "events/detail.html", context)


@role_required(Role.COUNCILLOR)
@require_POST
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    try:
        services.signup_create(event=event, person=request.user)
    except ValidationError as error:
        messages.error(request, f"You could not sign up for {event.title}. {_error_text(error)}")
    else:
        messages.success(request, f"You have signed up for {event.title}")
    return redirect(_safe_next(request, reverse("events:detail", kwargs={"pk": pk})))


@role_required(Role.COUNCILLOR)
@require_POST
def cancel_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    try:
        services.signup_cancel(event=event, person=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"You are no longer signed up for {event.title}")
    return redirect(_safe_next(request, reverse("events:detail", kwargs={"pk": pk})))


@role_required(Role.COUNCILLOR)
@require_POST
def confirm_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    signup = get_object_or_404(
        SignUp.objects.active().select_related("event"), event_id=pk, person=request.user
    )
    try:
        engagement = services.signup_confirm_attendance(signup=signup, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        if engagement is not None:
            messages.success(
                request,
                "Thank you. A draft engagement has been added to your champion engagements: "
                "complete it with what you did and what young people said.",
            )
        else:
            messages.success(request, "Thank you. Your attendance has been recorded.")
    return redirect("events:detail", pk=pk)


# Admin: the diary ---------------------------------------------------------------------------


@role_required(Role.ADMIN)
def create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        try:
            event = services.event_create(actor=request.user, areas=areas, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{event.title} has been added to the diary")
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/form.html", {"form": form, "event": None})


@role_required(Role.ADMIN)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = EventForm(request.POST or None, instance=Event.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        try:
            services.event_update(actor=request.user, event=event, areas=areas, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{data['title']} has been saved")
            return redirect("events:detail", pk=pk)
    return render(request, "events/form.html", {"form": form, "event": event})


@role_required(Role.ADMIN)
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.with_signup_counts(), pk=pk)
    if request.method == "POST":
        try:
            services.event_cancel(actor=request.user, event=event)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, f"{event.title} has been cancelled")
        return redirect("events:detail", pk=pk)
    return render(request, "events/cancel.html", {"event": event})


@role_required(Role.ADMIN)
def signups(request: HttpRequest, pk: int) -> HttpResponse:
    """Who signed up and who attended; an admin can sign a member up with a recorded reason."""
    event = get_object_or_404(Event.objects.with_signup_counts(), pk=pk)
    form = OverrideSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signup_create(
                event=event,
                person=form.cleaned_data["person"],
                actor=request.user,
                override_reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(
                "reason",
                f"{_error_text(error)} To sign them up anyway, give the reason.",
            )
        else:
            messages.success(request, f"{form.cleaned_data['person']} has been signed up")
            return redirect("events:signups", pk=pk)
    rows = (
        SignUp.objects.filter(event=event)
        .select_related("person", "overridden_by")
        .order_by("status", "person__full_name")
    )
    return render(
        request,
        "events/signups.html",
        {"event": event, "rows": rows, "form": form, "today": timezone.localdate()},
    )


@role_required(Role.ADMIN)
@require_POST
def signup_attended(request: HttpRequest, pk: int) -> HttpResponse:
    signup = get_object_or_404(SignUp.objects.select_related("event", "person"), pk=pk)
    try:
        services.signup_confirm_attendance(signup=signup, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, f"{signup.person} attended: a draft engagement was made if they are a champion"
        )
    return redirect("events:signups", pk=signup.event_id)


@role_required(Role.ADMIN)
def roll_forward(request: HttpRequest) -> HttpResponse:
    """Roll a political year's annual events forward, confirming the dates that move."""
    current = current_political_year()
    try:
        year = political_year_starting(year_from(request.GET.get("year"), current.start_year))
    except ValueError:
        raise Http404 from None
    candidates = (
        Event.objects.annual()
        .scheduled()
        .overlapping(year.start, year.end)
        .filter(start_date__gte=year.start, rolled_to__isnull=True)
        .in_order()
    )
    proposals = [annual.propose(event) for event in candidates]
    form = RollForwardForm(request.POST or None, proposals=proposals)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.event_roll_forward(actor=request.user, plan=form.plan())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"{len(made)} events have been rolled forward to {year.next().label}"
            )
            return redirect(f"{reverse('events:diary')}?year={year.next().start_year}")
    return render(
        request,
        "events/roll_forward.html",
        {
            "form": form,
            "year": year,
            "proposals": proposals,
            "previous_year": year.previous(),
            "next_year": year.next(),
        },
    )


# Dates for the diary -----------------------------------------------------------------------


def _diary(request: HttpRequest) -> dict[str, object]:
    current = current_political_year()
    try:
        year = political_year_starting(year_from(request.GET.get("year"), current.start_year))
    except ValueError:
        raise Http404 from None
    events = list(
        Event.objects.scheduled()
        .filter(start_date__gte=year.start, start_date__lte=year.end)
        .in_order()
    )
    months = [
        (first_day, list(month_events))
        for first_day, month_events in groupby(events, key=lambda e: e.start_date.replace(day=1))
    ]
    return {
        "year": year,
        "months": months,
        "previous_year": year.previous(),
        "next_year": year.next(),
    }


@role_required(*MEMBERS)
def diary(request: HttpRequest) -> HttpResponse:
    return render(request, "events/diary.html", _diary(request))


@role_required(*MEMBERS)
def diary_pdf(request: HttpRequest) -> HttpResponse:
    context = _diary(request)
    year = context["year"]
    return pdf_response(
        "events/diary_pdf.html",
        {**context, "title": f"Corporate Parenting Dates for the Diary - {year.label}"},
        filename=f"dates-for-the-diary-{year.start_year}.pdf",
    )


# Calendar feeds --------------------------------------------------------------------------

NEW_FEED_SESSION_KEY = "events:new-feed-secret"


@role_required(*MEMBERS)
def feed(request: HttpRequest) -> HttpResponse:
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


@role_required(*MEMBERS)
@require_POST
def feed_regenerate(request: HttpRequest) -> HttpResponse:
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


@role_required(*MEMBERS)
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
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


def _meetings_for(person: object, since: date) -> list:
    from panels.models import Meeting

    return list(
        Meeting.objects.for_member(person)
        .filter(date__gte=since)
        .select_related("body")
        .distinct()
        .order_by("date", "start_time")
    )
