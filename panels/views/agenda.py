"""Agenda pages: items, their order and reports, and publishing the agenda."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.permissions import role_required
from corporate_parenting.uploads import upload_response
from panels import services
from panels.forms.agenda import AgendaItemEditForm, AgendaItemForm, PublishForm
from panels.forms.meetings import ItemWithdrawForm
from panels.models import AgendaItem
from panels.views.common import item_for, locked_redirect, meeting_for


@role_required(*STAFF_ROLES)
def item_add(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    form = AgendaItemForm(
        request.POST or None,
        request.FILES or None,
        late=meeting.agenda_is_published and not meeting.has_been_held,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(
                actor=request.user,
                meeting=meeting,
                title=form.cleaned_data["title"],
                presenter=form.cleaned_data["presenter"],
                report=form.cleaned_data["report"],
                is_urgent=form.cleaned_data["is_urgent"],
                urgency_reason=form.cleaned_data["urgency_reason"],
                change_reason=form.cleaned_data.get("change_reason", ""),
                is_exempt=form.cleaned_data["is_exempt"],
                exempt_paragraph=form.cleaned_data["exempt_paragraph"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Item added: {form.cleaned_data['title']}")
            return redirect(meeting)
    return render(
        request,
        "panels/item_form.html",
        {"form": form, "meeting": meeting, "heading": "Add an agenda item"},
    )


@role_required(*STAFF_ROLES)
def item_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    meeting = item.meeting
    if locked := locked_redirect(request, meeting):
        return locked
    form = AgendaItemEditForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "title": item.title,
            "presenter": item.presenter,
            "is_exempt": item.is_exempt,
            "exempt_paragraph": item.exempt_paragraph,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(
                actor=request.user,
                item=item,
                title=form.cleaned_data["title"],
                presenter=form.cleaned_data["presenter"],
                report=form.cleaned_data["report"],
                is_exempt=form.cleaned_data["is_exempt"],
                exempt_paragraph=form.cleaned_data["exempt_paragraph"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Item saved")
            return redirect(meeting)
    return render(
        request,
        "panels/item_form.html",
        {"form": form, "meeting": meeting, "item": item, "heading": f"Change item: {item.title}"},
    )


@role_required(*STAFF_ROLES)
def item_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    meeting = item.meeting
    error = ""
    # Once the agenda is published the item is withdrawn, with a reason members are told.
    form = (
        ItemWithdrawForm(request.POST if request.method == "POST" else None)
        if meeting.agenda_is_published and not meeting.has_been_held
        else None
    )
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            services.agenda_item_remove(
                actor=request.user,
                item=item,
                reason=form.cleaned_data["reason"] if form is not None else "",
            )
        except ValidationError as problem:
            if form is not None and hasattr(problem, "error_dict"):
                add_service_errors(form, problem)
            else:
                error = " ".join(problem.messages)
        else:
            messages.success(
                request, f"Item {'withdrawn' if form is not None else 'removed'}: {item.title}"
            )
            return redirect(meeting)
    return render(
        request,
        "panels/item_remove.html",
        {"item": item, "meeting": meeting, "error": error, "form": form},
    )


@role_required(*STAFF_ROLES)
@require_POST
def item_move(request: SignedInRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    direction = request.POST.get("direction", "")
    try:
        services.agenda_item_move(actor=request.user, item=item, direction=direction)
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, f"Item moved {direction}: {item.title}")
    return redirect(f"{item.meeting.get_absolute_url()}#agenda")


def report_download(request: HttpRequest, pk: int) -> FileResponse:
    """A report file on the agenda, for whoever may read the item's papers
    (AgendaItem.objects.papers_visible_to: members from publication, the public a public item's,
    as for a written report)."""
    items = AgendaItem.objects.papers_visible_to(request.user)
    item = get_object_or_404(items.exclude(report_file=""), pk=pk)
    name = (item.report_file.name or "").rsplit("/", 1)[-1]
    return upload_response(item.report_file.open("rb"), name)


@role_required(*STAFF_ROLES)
def agenda_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if meeting.agenda_is_published:
        messages.error(request, "The agenda has already been published")
        return redirect(meeting)
    check = services.agenda_notice(meeting)
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_publish(
                actor=request.user,
                meeting=meeting,
                short_notice_reason=form.cleaned_data["short_notice_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Agenda published")
            return redirect(meeting)
    return render(
        request, "panels/agenda_publish.html", {"form": form, "meeting": meeting, "check": check}
    )
