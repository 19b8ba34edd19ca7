"""Members' pages: the list of events, an event, and a councillor's own place at it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corporate_parenting.audit import AuditEvent
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from events import services
from events.filters import EventFilter
from events.models import Event, SignUp
from events.places import place_for
from events.tables import EventTable
from events.views.common import areas_prefetch, error_text, safe_next


@role_required(*SIGNED_IN_ROLES)
def event_list(request: SignedInRequest) -> HttpResponse:
    show_past = request.GET.get("when") == "past"
    today = timezone.localdate()
    base = Event.objects.with_signup_counts()
    base = base.past(today) if show_past else base.upcoming(today)
    return table_page(
        request,
        table_class=EventTable,
        filterset=EventFilter(request.GET or None, queryset=base.in_order()),
        template="events/list.html",
        csv_filename="events.csv",
        context={"show_past": show_past},
    )


@role_required(*SIGNED_IN_ROLES)
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.with_signup_counts().prefetch_related(areas_prefetch()), pk=pk
    )
    context: dict[str, object] = {
        "event": event,
        # Only councillors have a place: the rules for it are decided in events.places.
        "place": place_for(event=event, person=request.user, today=timezone.localdate())
        if request.user.has_role(Role.COUNCILLOR)
        else None,
    }
    if request.user.is_portal_admin:
        context["audit_events"] = AuditEvent.objects.for_object(event)[:20]
    return render(request, "events/detail.html", context)


@role_required(Role.COUNCILLOR)
@require_POST
def sign_up(request: SignedInRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    try:
        services.signup_create(event=event, person=request.user)
    except ValidationError as error:
        messages.error(request, f"You could not sign up for {event.title}. {error_text(error)}")
    else:
        messages.success(request, f"You have signed up for {event.title}")
    return redirect(safe_next(request, reverse("events:detail", kwargs={"pk": pk})))


@role_required(Role.COUNCILLOR)
@require_POST
def cancel_sign_up(request: SignedInRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    try:
        services.signup_cancel(event=event, person=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, f"You are no longer signed up for {event.title}")
    return redirect(safe_next(request, reverse("events:detail", kwargs={"pk": pk})))


@role_required(Role.COUNCILLOR)
@require_POST
def confirm_attendance(request: SignedInRequest, pk: int) -> HttpResponse:
    signup = get_object_or_404(
        SignUp.objects.active().select_related("event"), event_id=pk, person=request.user
    )
    try:
        engagement = services.signup_confirm_attendance(signup=signup, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
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
