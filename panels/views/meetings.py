"""Meeting pages: the list, a new meeting, the meeting page and its details."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, STAFF_ROLES
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from panels import services
from panels.filters import MeetingFilter
from panels.forms.meetings import MeetingCancelForm, MeetingDetailsForm, MeetingForm
from panels.meeting_page import meeting_page
from panels.models import Body, Meeting, PlannedItem
from panels.tables import MeetingTable
from panels.views.common import locked_redirect, meeting_for


@role_required(*EVERYONE_SIGNED_IN)
def meeting_list(request: SignedInRequest) -> HttpResponse:
    meetings = (
        Meeting.objects.visible_to(request.user)
        .select_related("body")
        .with_item_counts()
        .order_by("-date", "-start_time")
    )
    filterset = MeetingFilter(request.GET, queryset=meetings, request=request)
    upcoming = Meeting.objects.visible_to(request.user).upcoming().select_related("body").first()
    return table_page(
        request,
        table_class=MeetingTable,
        filterset=filterset,
        template="panels/meeting_list.html",
        csv_filename="meetings.csv",
        context={"next_meeting": upcoming, "can_clerk": request.user.is_council_staff},
    )


@role_required(*STAFF_ROLES)
def meeting_create(request: SignedInRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None, bodies=Body.objects.all())
    if request.method == "POST" and form.is_valid():
        try:
            created = services.meeting_create(
                actor=request.user,
                body=form.cleaned_data["body"],
                date=form.cleaned_data["date"],
                start_time=form.cleaned_data["start_time"],
                venue=form.cleaned_data["venue"],
                online_link=form.cleaned_data["online_link"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting created with the standard agenda items")
            # The work programme's items for it are offered as its agenda straight away.
            if PlannedItem.objects.for_meeting(created).exists():
                return redirect("panels:meeting_planned_items", pk=created.pk)
            return redirect(created)
    return render(request, "panels/meeting_form.html", {"form": form})


@role_required(*EVERYONE_SIGNED_IN)
def meeting_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user).for_minutes().distinct(), pk=pk
    )
    page = meeting_page(
        meeting,
        request.user,
        is_staff=request.user.is_council_staff,
        all_carried=request.GET.get("carried") == "all",
    )
    return render(request, "panels/meeting_detail.html", page)


@role_required(*STAFF_ROLES)
def meeting_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    published = meeting.agenda_is_published and not meeting.has_been_held
    form = MeetingDetailsForm(
        request.POST or None,
        initial=model_to_dict(meeting, fields=services.MEETING_FIELDS),
        published=published,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                actor=request.user,
                meeting=meeting,
                change_reason=form.cleaned_data.get("change_reason", ""),
                short_notice_reason=form.cleaned_data.get("short_notice_reason", ""),
                **{name: form.cleaned_data[name] for name in services.MEETING_FIELDS},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting details saved")
            return redirect(meeting)
    return render(request, "panels/meeting_edit.html", {"form": form, "meeting": meeting})


@role_required(*STAFF_ROLES)
def meeting_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if meeting.is_cancelled or meeting.has_been_held:
        messages.error(
            request,
            "The meeting is already cancelled"
            if meeting.is_cancelled
            else "The meeting has been held: it cannot be cancelled",
        )
        return redirect(meeting)
    form = MeetingCancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                actor=request.user, meeting=meeting, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The meeting on {meeting.date:%-d %B %Y} is cancelled")
            return redirect(meeting)
    return render(request, "panels/meeting_cancel.html", {"form": form, "meeting": meeting})
