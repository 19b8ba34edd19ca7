"""Meeting pages: the list, a new meeting, the meeting page and its details."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from corporate_parenting.forms import add_service_errors
from corporate_parenting.models import AuditEvent
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from panels import services
from panels.filters import MeetingFilter
from panels.forms.meetings import MeetingDetailsForm, MeetingForm
from panels.minutes import build_minutes
from panels.models import AgendaItem, Body, Meeting, Resolution
from panels.reports.models import Report
from panels.tables import MeetingTable
from panels.views.common import CLERKS, SIGNED_IN, locked_redirect, meeting_for


@role_required(*SIGNED_IN)
def meeting_list(request: HttpRequest) -> HttpResponse:
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
        context={"next_meeting": upcoming, "can_clerk": request.user.has_role(*CLERKS)},
    )


@role_required(*CLERKS)
def meeting_create(request: HttpRequest) -> HttpResponse:
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
            return redirect(created)
    return render(request, "panels/meeting_form.html", {"form": form})


@role_required(*SIGNED_IN)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user).for_minutes().distinct(), pk=pk
    )
    carried = list(Resolution.objects.carried_to(meeting).for_log())
    minutes = build_minutes(meeting, carried_actions=carried)
    items = [m.item for m in minutes.items]
    resolution_ids = [r.resolution.pk for m in minutes.items for r in m.resolutions]
    types = ContentType.objects.get_for_models(Meeting, AgendaItem, Resolution)
    history = AuditEvent.objects.filter(
        Q(content_type=types[Meeting], object_id=str(meeting.pk))
        | Q(content_type=types[AgendaItem], object_id__in=[str(i.pk) for i in items])
        | Q(content_type=types[Resolution], object_id__in=[str(pk) for pk in resolution_ids])
    ).select_related("actor")[:50]
    is_member = meeting.body.memberships.filter(user=request.user).exists()
    reports = Report.objects.filter(item__meeting=meeting)
    return render(
        request,
        "panels/meeting_detail.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "declarations": list(meeting.declarations.all()),
            "can_clerk": request.user.has_role(*CLERKS),
            "can_declare": (is_member or request.user.has_role(*CLERKS))
            and not meeting.minutes_are_approved,
            "notice": services.agenda_notice(meeting) if not meeting.agenda_is_published else None,
            "audit_events": history,
            "today": timezone.localdate(),
            "readable_reports": set(
                reports.visible_to(request.user).values_list("item_id", flat=True)
            ),
            "late_reports": list(reports.late().select_related("author"))
            if request.user.has_role(*CLERKS)
            else [],
        },
    )


@role_required(*CLERKS)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    form = MeetingDetailsForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        fresh = Meeting.objects.get(pk=meeting.pk)
        try:
            services.meeting_update(
                actor=request.user,
                meeting=fresh,
                **{name: form.cleaned_data[name] for name in services.MEETING_FIELDS},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting details saved")
            return redirect(meeting)
    return render(request, "panels/meeting_edit.html", {"form": form, "meeting": meeting})
