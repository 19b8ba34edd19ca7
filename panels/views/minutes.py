"""Minutes pages: writing each minute and its resolutions, approving, amending, and the PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from panels import services
from panels.forms.minutes import AmendmentForm, ApproveForm, MinutesForm, ResolutionForm
from panels.minutes import build_minutes
from panels.models import Meeting, MeetingStatus, Resolution
from panels.views.common import item_for, locked_redirect, meeting_for
from voice.principles import principles_initial


@role_required(*STAFF_ROLES)
def minutes_item(request: SignedInRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    meeting = item.meeting
    if locked := locked_redirect(request, meeting):
        return locked
    form = MinutesForm(request.POST or None, initial={"discussion": item.discussion})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_item_save(
                actor=request.user, item=item, discussion=form.cleaned_data["discussion"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Minute saved: {item.title}")
            return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")
    return render(
        request,
        "panels/minutes_form.html",
        {
            "form": form,
            "item": item,
            "meeting": meeting,
            "resolutions": list(
                item.resolutions.select_related("owner").prefetch_related("principles")
            ),
        },
    )


def _resolution_kwargs(form: ResolutionForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "text": data["text"],
        "is_action": data["is_action"],
        "owner": data["owner"],
        "owner_is_members": data["owner_is_members"],
        "due_date": data["due_date"],
        "due_next_meeting": data["due_next_meeting"],
        "decision_status": data["decision_status"],
        "is_key_decision": data["is_key_decision"],
        "subject_to_call_in": data["subject_to_call_in"],
        "call_in_deadline": data["call_in_deadline"],
        "principles": data["principles"],
    }


@role_required(*STAFF_ROLES)
def resolution_add(request: SignedInRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    meeting = item.meeting
    if locked := locked_redirect(request, meeting):
        return locked
    form = ResolutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.resolution_add(actor=request.user, item=item, **_resolution_kwargs(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Resolution added")
            return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")
    return render(
        request,
        "panels/resolution_form.html",
        {"form": form, "item": item, "meeting": meeting, "heading": "Add a resolution"},
    )


@role_required(*STAFF_ROLES)
def resolution_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    resolution = get_object_or_404(
        Resolution.objects.select_related("item__meeting__body", "owner", "decision_status"), pk=pk
    )
    item = resolution.item
    meeting = item.meeting
    if locked := locked_redirect(request, meeting):
        return locked
    form = ResolutionForm(
        request.POST or None,
        current_status=resolution.decision_status,
        initial={
            "text": resolution.text,
            "is_action": resolution.is_action,
            "owner": resolution.owner_id,
            "owner_is_members": resolution.owner_is_members,
            "due_date": resolution.due_date,
            "due_next_meeting": resolution.due_next_meeting,
            "decision_status": resolution.decision_status_id,
            "is_key_decision": resolution.is_key_decision,
            "subject_to_call_in": resolution.subject_to_call_in,
            "call_in_deadline": resolution.call_in_deadline,
            "principles": principles_initial(resolution),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.resolution_update(
                actor=request.user, resolution=resolution, **_resolution_kwargs(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Resolution saved")
            return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")
    return render(
        request,
        "panels/resolution_form.html",
        {"form": form, "item": item, "meeting": meeting, "heading": "Change a resolution"},
    )


@role_required(*STAFF_ROLES)
def minutes_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    later = (
        Meeting.objects.filter(body=meeting.body, date__gt=meeting.date)
        .held()
        .exclude(status=MeetingStatus.MINUTES_APPROVED)
        .order_by("date")
    )
    form = ApproveForm(request.POST or None, meetings=later, initial={"at_meeting": later.first()})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_approve(
                actor=request.user, meeting=meeting, at_meeting=form.cleaned_data["at_meeting"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Minutes approved and locked")
            return redirect(meeting)
    return render(request, "panels/minutes_approve.html", {"form": form, "meeting": meeting})


@role_required(*STAFF_ROLES)
def minutes_amend(request: SignedInRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    meeting = item.meeting
    if not meeting.minutes_are_approved:
        messages.error(request, "These minutes are not approved yet: change them directly")
        return redirect(meeting)
    form = AmendmentForm(request.POST or None, initial={"new_text": item.discussion})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_amend(
                actor=request.user,
                item=item,
                new_text=form.cleaned_data["new_text"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Amendment recorded")
            return redirect(f"{meeting.get_absolute_url()}#item-{item.pk}")
    return render(
        request, "panels/minutes_amend.html", {"form": form, "item": item, "meeting": meeting}
    )


def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes in the council's format: for people who may see the meeting, or anyone once
    the minutes of a public body are approved. The public's copy leaves out exempt business."""
    meeting = Meeting.objects.filter(pk=pk).for_minutes().first()
    if meeting is None:
        raise Http404("No such meeting")
    members_copy = Meeting.objects.visible_to(request.user).filter(pk=pk).exists()
    public_copy = Meeting.objects.with_public_minutes().filter(pk=pk)
    if not members_copy and not public_copy.exists():
        raise Http404("No such meeting")
    if not meeting.minutes_started:
        raise Http404("No minutes yet")
    minutes = build_minutes(
        meeting,
        carried_actions=list(Resolution.objects.carried_to(meeting).for_log()),
        public=not members_copy,
    )
    return pdf_response(
        "panels/pdf/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "title": f"Minutes: {meeting}",
            "is_draft": not meeting.minutes_are_approved,
        },
        filename=f"minutes-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.pdf",
    )
