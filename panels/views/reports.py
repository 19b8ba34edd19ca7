"""Pages for reports: commission, write, submit, review, publish, history, annexes.
Thin: a scoped queryset, a form, one service call, a message."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, STAFF_ROLES, AuditEvent
from corporate_parenting.permissions import role_required
from corporate_parenting.uploads import upload_response
from offer.embed import embed_kpis
from panels.models import AgendaItem
from panels.reports import forms
from panels.reports.diff import version_changes
from panels.reports.models import Report, ReportAnnex, ReportStatus
from panels.reports.querysets import report_deadline
from panels.reports.voice import HEADING as VOICE_HEADING
from panels.reports.voice import report_voice
from panels.services import reports as services
from voice.principles import principles_initial
from voice.told import SOURCES


def _report_for(request: SignedInRequest, pk: int) -> Report:
    return get_object_or_404(
        Report.objects.visible_to(request.user).with_deadline().for_page().distinct(), pk=pk
    )


def _edit_forms(report: Report, data: Any = None) -> tuple[Any, Any]:
    """The report's form and its sections, bound to data when given, else showing the report."""
    initial = {name: getattr(report, name) for name in services.TEXT_FIELDS}
    initial["priorities"] = report.priorities
    initial["indicators"] = [i.pk for i in report.indicators.all()]
    initial["voice_year"] = report.voice_year
    initial["voice_quarter"] = report.voice_quarter
    initial["voice_themes"] = [t.pk for t in report.voice_themes.all()]
    initial["principles"] = principles_initial(report)
    sections = [{"heading": s.heading, "body": s.body} for s in report.sections.all()]
    return (
        forms.ReportForm(data, initial=initial),
        forms.SectionFormSet(data, initial=sections, prefix="sections"),
    )


def _sections_from(formset: Any) -> list[dict[str, str]]:
    return [
        {"heading": f.cleaned_data.get("heading", ""), "body": f.cleaned_data.get("body", "")}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


@role_required(*STAFF_ROLES)
def report_create(request: SignedInRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    if Report.objects.filter(item=item).exists():
        messages.info(request, "This item already has a report")
        return redirect(item.written_report)
    form = forms.ReportCreateForm(request.POST or None, initial={"title": item.title})
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Report commissioned from {report.author}")
            return redirect(report)
    return render(
        request,
        "panels/reports/report_create.html",
        {
            "form": form,
            "item": item,
            "meeting": item.meeting,
            "deadline": report_deadline(item.meeting),
        },
    )


@role_required(*EVERYONE_SIGNED_IN)
def report_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    user = request.user
    meeting = report.item.meeting
    return render(
        request,
        "panels/reports/report_detail.html",
        {
            "report": report,
            "meeting": meeting,
            "is_author": user.pk == report.author_id,
            "is_sponsor": report.reviewed_by(user),
            "can_clerk": user.has_role(*STAFF_ROLES),
            "latest_comment": report.versions.exclude(comment="").first(),
            "kpis": embed_kpis([i.code for i in report.indicators.all()])
            if report.indicators.all()
            else "",
            "voice": report_voice(report),
            "voice_heading": VOICE_HEADING,
            "sources": SOURCES,
        },
    )


@role_required(*STAFF_ROLES)
def report_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if request.user.pk != report.author_id:
        raise PermissionDenied("Only the author writes the report")
    if not report.is_editable:
        messages.error(request, "The report is with the sponsor: it can't be changed now")
        return redirect(report)
    form, sections = _edit_forms(report, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and sections.is_valid():
        submitting = "submit" in request.POST
        try:
            services.report_update(
                actor=request.user,
                report=report,
                fields={name: form.cleaned_data[name] for name in services.TEXT_FIELDS},
                priorities=form.cleaned_data["priorities"],
                indicators=list(form.cleaned_data["indicators"]),
                sections=_sections_from(sections),
                voice=form.voice_choice(),
                principles=list(form.cleaned_data["principles"]),
            )
            if submitting:
                services.report_submit(actor=request.user, report=report)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Report submitted to the sponsor" if submitting else "Draft saved"
            )
            return redirect(report)
    return render(
        request,
        "panels/reports/report_edit.html",
        {
            "form": form,
            "sections": sections,
            "report": report,
            "meeting": report.item.meeting,
            # What the sponsor asked for, where the author makes the changes.
            "return_comment": (
                report.versions.filter(action="returned to the author")
                .select_related("made_by")
                .first()
                if report.status == "returned"
                else None
            ),
        },
    )


@role_required(*STAFF_ROLES)
@require_POST
def report_submit(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    try:
        services.report_submit(actor=request.user, report=report)
    except ValidationError as error:
        # Show the problem where it is fixed: on the edit page, on its field.
        form, sections = _edit_forms(report)
        add_service_errors(form, error)
        return render(
            request,
            "panels/reports/report_edit.html",
            {"form": form, "sections": sections, "report": report, "meeting": report.item.meeting},
        )
    messages.success(request, "Report submitted to the sponsor")
    return redirect(report)


@role_required(*STAFF_ROLES)
def report_review(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if not report.reviewed_by(request.user):
        raise PermissionDenied("Only the sponsor, not the author, approves or returns the report")
    if report.status not in (ReportStatus.SUBMITTED, ReportStatus.APPROVED):
        messages.error(request, "There is nothing to review: the report is not submitted")
        return redirect(report)
    form = forms.ReviewForm(
        request.POST or None,
        initial={"decision": "return" if report.status == ReportStatus.APPROVED else None},
    )
    if request.method == "POST" and form.is_valid():
        decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
        try:
            if decision == "approve":
                services.report_approve(actor=request.user, report=report, comment=comment)
            else:
                services.report_return(actor=request.user, report=report, comment=comment)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Report approved" if decision == "approve" else "Report returned to the author",
            )
            return redirect(report)
    return render(
        request,
        "panels/reports/report_review.html",
        {"form": form, "report": report, "meeting": report.item.meeting},
    )


@role_required(*STAFF_ROLES)
@require_POST
def report_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    try:
        services.report_publish(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Report published")
    return redirect(report)


@role_required(*STAFF_ROLES)
def report_history(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    versions = list(report.versions.select_related("made_by").order_by("-created_at")[:200])
    return render(
        request,
        "panels/reports/report_history.html",
        {
            "report": report,
            "meeting": report.item.meeting,
            "entries": version_changes(versions),
            "audit_events": AuditEvent.objects.for_object(report)[:50],
        },
    )


@role_required(*STAFF_ROLES)
def annex_add(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if request.user.pk != report.author_id:
        raise PermissionDenied("Only the author adds annexes")
    form = forms.AnnexForm(
        request.POST or None, request.FILES or None, max_bytes=services.annex_max_bytes()
    )
    if request.method == "POST" and form.is_valid():
        try:
            annex = services.annex_add(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Annex {annex.letter} added: {annex.title}")
            return redirect(report)
    return render(
        request,
        "panels/reports/annex_form.html",
        {"form": form, "report": report, "meeting": report.item.meeting},
    )


@role_required(*STAFF_ROLES)
@require_POST
def annex_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    annex = get_object_or_404(ReportAnnex.objects.select_related("report"), pk=pk)
    report = _report_for(request, annex.report_id)
    try:
        services.annex_remove(actor=request.user, annex=annex)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Annex removed: {annex.title}")
    return redirect(report)


def annex_download(request: HttpRequest, pk: int) -> FileResponse:
    """An annex, for whoever may read its report (anyone, once the report is public)."""
    annex = get_object_or_404(
        ReportAnnex.objects.filter(report__in=Report.objects.visible_to(request.user)), pk=pk
    )
    return upload_response(
        annex.file.open("rb"), f"annex-{annex.letter.lower()}-{annex.report_id}.pdf"
    )


@role_required(*STAFF_ROLES)
def report_list(request: SignedInRequest) -> HttpResponse:
    """An officer's reports: to write, to approve, and (for the clerk) the late ones."""
    user = request.user
    today = timezone.localdate()
    base = Report.objects.with_deadline(today).select_related(
        "item__meeting__body", "author", "sponsor"
    )
    lists = [
        (
            "Reports you are writing",
            base.for_author(user).upcoming_or_open(today).order_by("deadline")[:50],
            "You have no reports to write.",
        ),
        (
            "Reports waiting for your approval",
            base.awaiting_sponsor(user).order_by("deadline")[:50],
            "No reports are waiting for your approval.",
        ),
        (
            "Late reports",
            base.filter(is_late=True).order_by("deadline")[:100],
            "No report is late.",
        ),
    ]
    return render(request, "panels/reports/report_list.html", {"lists": lists, "today": today})
