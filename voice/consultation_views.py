"""Consultations pages: council staff record consultations, their findings and quotes and
moderate them; members and officers read them. What a member reads of a consultation is what a
moderator approved (Finding.objects.moderated(), Quote.objects.readable())."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, STAFF_ROLES
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from panels.models import Resolution
from voice import consultation_forms as forms
from voice import consultations as services
from voice.consultation_models import AGE_BANDS, Consultation, Finding, Quote, QuoteStatus
from voice.consultation_tables import ConsultationTable, ModerationTable, StaffConsultationTable
from voice.identifying import warnings_for
from voice.models import Theme


def _warn(request: SignedInRequest, warnings: list[str]) -> None:
    for warning in warnings:
        messages.warning(request, warning)


# ---------------------------------------------------------------- reading


@role_required(*SIGNED_IN_ROLES)
def consultation_list(request: SignedInRequest) -> HttpResponse:
    staff = services.can_enter(request.user)
    return table_page(
        request,
        table_class=StaffConsultationTable if staff else ConsultationTable,
        queryset=Consultation.objects.with_finding_counts(),
        template="voice/consultations/list.html",
        csv_filename="consultations.csv",
        context={"can_enter": staff},
    )


def _findings_for(request: SignedInRequest, consultation: Consultation) -> QuerySet[Finding]:
    """Staff read every finding and quote, with what waits; others only what was approved."""
    staff = services.can_enter(request.user)
    findings = consultation.findings.all() if staff else consultation.findings.moderated()
    quotes = Quote.objects.all() if staff else Quote.objects.readable()
    return findings.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "name")),
        "principles",
        Prefetch("quotes", queryset=quotes.order_by("pk")),
        Prefetch(
            "actions",
            queryset=Resolution.objects.visible_to(request.user).select_related(
                "item__meeting__body"
            ),
        ),
        "objectives",
    ).order_by("pk")


@role_required(*SIGNED_IN_ROLES)
def consultation_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation.objects.select_related("run_by"), pk=pk)
    staff = services.can_enter(request.user)
    findings = list(_findings_for(request, consultation))
    if staff:
        for finding in findings:
            finding.warnings = warnings_for(finding.statement)  # type: ignore[attr-defined]  # for the page
            for quote in finding.quotes.all():
                quote.warnings = warnings_for(quote.text)  # type: ignore[attr-defined]  # as above
    return render(
        request,
        "voice/consultations/detail.html",
        {
            "consultation": consultation,
            "findings": findings,
            "can_enter": staff,
            "quote_pending": QuoteStatus.PENDING,
        },
    )


# ---------------------------------------------------------------- entering (council staff)


@role_required(*STAFF_ROLES)
def consultation_create(request: SignedInRequest) -> HttpResponse:
    return _consultation_form(request, None)


@role_required(*STAFF_ROLES)
def consultation_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return _consultation_form(request, get_object_or_404(Consultation, pk=pk))


def _consultation_form(request: SignedInRequest, consultation: Consultation | None) -> HttpResponse:
    if consultation is not None:
        initial = {
            "title": consultation.title,
            "kind": consultation.kind,
            "asked": consultation.asked,
            "held_from": consultation.held_from,
            "held_to": consultation.held_to,
            "run_by": consultation.run_by_id,
            **{name: getattr(consultation, name) for name, _ in AGE_BANDS},
        }
        current = consultation.run_by
    else:
        current = services.default_run_by(request.user)
        initial = {"run_by": current.pk if current else None}
    form = forms.ConsultationForm(request.POST or None, initial=initial, current_run_by=current)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.consultation_save(
                actor=request.user,
                consultation=consultation,
                title=data["title"],
                kind=data["kind"],
                asked=data["asked"],
                held_from=data["held_from"],
                held_to=data["held_to"],
                run_by=data["run_by"],
                age_bands=form.age_bands(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Consultation ‘{saved.title}’ saved")
            return redirect(saved)
    return render(
        request,
        "voice/consultations/form.html",
        {"form": form, "consultation": consultation},
    )


@role_required(*STAFF_ROLES)
def finding_add(request: SignedInRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    return _finding_form(request, consultation, None)


@role_required(*STAFF_ROLES)
def finding_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("consultation"), pk=pk)
    return _finding_form(request, finding.consultation, finding)


def _finding_form(
    request: SignedInRequest, consultation: Consultation, finding: Finding | None
) -> HttpResponse:
    if finding is not None:
        form: forms.FindingForm = forms.FindingEditForm(
            request.POST or None,
            initial={
                "statement": finding.statement,
                "themes": list(finding.themes.values_list("pk", flat=True)),
                "actions": list(finding.actions.values_list("pk", flat=True)),
                "objectives": list(finding.objectives.values_list("pk", flat=True)),
                "principles": list(finding.principles.values_list("pk", flat=True)),
            },
        )
    else:
        form = forms.FindingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.finding_save(
                actor=request.user,
                consultation=consultation,
                finding=finding,
                statement=data["statement"],
                themes=data["themes"],
                actions=data["actions"],
                objectives=data["objectives"],
                quote=data.get("quote") or "",
                principles=data["principles"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Finding saved: it waits for moderation before it counts")
            _warn(request, saved.warnings)
            return redirect(consultation)
    return render(
        request,
        "voice/consultations/finding_form.html",
        {"form": form, "consultation": consultation, "finding": finding},
    )


@role_required(*STAFF_ROLES)
def quote_add(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("consultation"), pk=pk)
    form = forms.QuoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.quote_add(
                actor=request.user, finding=finding, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Quote added: it waits for moderation")
            _warn(request, saved.warnings)
            return redirect(finding.consultation)
    return render(
        request, "voice/consultations/quote_form.html", {"form": form, "finding": finding}
    )


# ---------------------------------------------------------------- moderation (council staff)


@role_required(*STAFF_ROLES)
def moderation(request: SignedInRequest) -> HttpResponse:
    rows = (
        Finding.objects.for_moderation()
        .select_related("consultation")
        .prefetch_related(
            Prefetch(
                "quotes",
                queryset=Quote.objects.awaiting_moderation().order_by("pk"),
                to_attr="waiting_quotes",
            )
        )
        .order_by("consultation__held_from", "pk")
    )
    return table_page(
        request,
        table_class=ModerationTable,
        queryset=rows,
        template="voice/consultations/moderation.html",
        csv_filename="consultation-findings-to-moderate.csv",
    )


@role_required(*STAFF_ROLES)
def finding_moderate(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(
        Finding.objects.select_related("consultation").prefetch_related(
            Prefetch("quotes", queryset=Quote.objects.order_by("pk")), "themes"
        ),
        pk=pk,
    )
    initial = {"we_did": finding.we_did}
    form = forms.FindingModerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.finding_moderate(
                actor=request.user,
                finding=finding,
                decision=form.cleaned_data["decision"],
                we_did=form.cleaned_data["we_did"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Decision saved")
            return redirect("voice:moderation")
    quotes = list(finding.quotes.all())
    for quote in quotes:
        quote.warnings = warnings_for(quote.text)  # type: ignore[attr-defined]  # for the page
    return render(
        request,
        "voice/consultations/finding_moderate.html",
        {
            "form": form,
            "finding": finding,
            "warnings": warnings_for(finding.statement),
            "quotes": quotes,
            "quote_pending": QuoteStatus.PENDING,
        },
    )


@role_required(*STAFF_ROLES)
@require_POST
def quote_moderate(request: SignedInRequest, pk: int) -> HttpResponse:
    """The moderation page's "Approve" and "Reject" buttons beside each quote."""
    quote = get_object_or_404(Quote, pk=pk)
    decision = request.POST.get("decision", "")[:10]
    if decision not in ("approve", "reject"):
        messages.error(request, "Choose whether to approve or reject the quote")
    else:
        services.quote_moderate(actor=request.user, quote=quote, approve=decision == "approve")
        messages.success(request, "Quote approved" if decision == "approve" else "Quote rejected")
    return redirect("voice:finding_moderate", pk=quote.finding_id)
