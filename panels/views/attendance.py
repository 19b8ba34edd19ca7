"""Attendance and declarations of interest at a meeting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, STAFF_ROLES, User
from corporate_parenting.permissions import role_required
from panels import services
from panels.forms.attendance import AttendanceForm, DeclarationForm
from panels.views.common import locked_redirect, meeting_for


@role_required(*STAFF_ROLES)
def attendance(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    members = services.members_of(meeting.body)
    rows = list(meeting.attendance.all())
    initial = {
        "present": [a.user_id for a in rows if a.kind == "present" and a.user_id],
        "apologies": [a.user_id for a in rows if a.kind == "apologies" and a.user_id],
        "seats_present": [a.seat_id for a in rows if a.kind == "present" and a.seat_id],
        "seats_apologies": [a.seat_id for a in rows if a.kind == "apologies" and a.seat_id],
        "officers": "\n".join(
            f"{a.name} ({a.role})" if a.role else a.name for a in rows if a.kind == "officer"
        ),
        "also_present": "\n".join(a.name for a in rows if a.kind == "also_present"),
        "substitutes": "\n".join(
            f"{a.name} ({a.role})" if a.role else a.name for a in rows if a.kind == "substitute"
        ),
        "young_people_present": meeting.young_people_present,
    }
    form = AttendanceForm(
        request.POST or None,
        initial=initial,
        members=members,
        seats=services.seats_of(meeting.body),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                actor=request.user,
                meeting=meeting,
                present=list(form.cleaned_data["present"]),
                apologies=list(form.cleaned_data["apologies"]),
                officers=form.cleaned_data["officers"],
                also_present=form.cleaned_data["also_present"],
                young_people_present=form.cleaned_data["young_people_present"],
                substitutes=form.cleaned_data["substitutes"],
                seats_present=list(form.cleaned_data["seats_present"]),
                seats_apologies=list(form.cleaned_data["seats_apologies"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Attendance saved")
            return redirect(meeting)
    return render(request, "panels/attendance_form.html", {"form": form, "meeting": meeting})


@role_required(*EVERYONE_SIGNED_IN)
def declaration_add(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    if request.user.is_council_staff:
        members = services.members_of(meeting.body)
    else:
        members = User.objects.filter(pk=request.user.pk, panel_memberships__body=meeting.body)
        if not members.exists():
            raise PermissionDenied
    form = DeclarationForm(
        request.POST or None,
        members=members,
        items=meeting.items.all(),
        initial={"member": request.user.pk if not request.user.is_council_staff else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.declaration_add(
                actor=request.user,
                meeting=meeting,
                member=form.cleaned_data["member"],
                item=form.cleaned_data["item"],
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Declaration of interest recorded")
            return redirect(meeting)
    return render(request, "panels/declaration_form.html", {"form": form, "meeting": meeting})
