"""The admin's side of the diary: add, change and cancel events; who signed up and attended."""

from __future__ import annotations

from copy import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import Role
from corporate_parenting.permissions import role_required
from events import services
from events.forms import EventForm, OverrideSignUpForm
from events.models import Event, SignUp
from events.views.common import error_text


@role_required(Role.ADMIN)
def create(request: SignedInRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        try:
            event = services.event_create(actor=request.user, areas=areas, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{event.title} has been added to the diary")
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/form.html", {"form": form, "event": None})


@role_required(Role.ADMIN)
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    # The form works on a copy: a refused change must not show as the event's title above it.
    form = EventForm(request.POST or None, instance=copy(event))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        try:
            services.event_update(actor=request.user, event=event, areas=areas, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{data['title']} has been saved")
            return redirect("events:detail", pk=pk)
    return render(request, "events/form.html", {"form": form, "event": event})


@role_required(Role.ADMIN)
def cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.with_signup_counts(), pk=pk)
    if request.method == "POST":
        try:
            services.event_cancel(actor=request.user, event=event)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"{event.title} has been cancelled")
        return redirect("events:detail", pk=pk)
    return render(request, "events/cancel.html", {"event": event})


@role_required(Role.ADMIN)
def signups(request: SignedInRequest, pk: int) -> HttpResponse:
    """Who signed up and who attended; an admin can sign a member up with a recorded reason."""
    event = get_object_or_404(Event.objects.with_signup_counts(), pk=pk)
    form = OverrideSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signup_create(
                event=event,
                person=form.cleaned_data["person"],
                actor=request.user,
                override_reason=form.cleaned_data["override_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['person']} has been signed up")
            return redirect("events:signups", pk=pk)
    rows = (
        SignUp.objects.filter(event=event)
        .select_related("person", "overridden_by")
        .order_by("status", "person__full_name")
    )
    today = timezone.localdate()
    return render(
        request,
        "events/signups.html",
        {
            "event": event,
            "rows": rows,
            "form": form,
            "takes_sign_ups": event.takes_sign_ups(today),
            "attendance_open": event.has_started(today),
        },
    )


@role_required(Role.ADMIN)
@require_POST
def signup_attended(request: SignedInRequest, pk: int) -> HttpResponse:
    signup = get_object_or_404(SignUp.objects.select_related("event", "person"), pk=pk)
    try:
        services.signup_confirm_attendance(signup=signup, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, f"{signup.person} attended: a draft engagement was made if they are a champion"
        )
    return redirect("events:signups", pk=signup.event_id)
