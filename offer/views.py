"""The public offer (no sign-in), its moderation, and the KPIs for signed-in people."""

from __future__ import annotations

import itertools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corporate_parenting.client import client_address
from corporate_parenting.inputs import local_path
from corporate_parenting.models import AuditEvent, Role
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import csv_response, table_page
from corporate_parenting.years import years_later
from offer import forms, kpis, services
from offer.models import Feedback, Indicator, OfferCategory, OfferEntry
from offer.tables import FeedbackTable, OfferEntryTable

EDITORS = (Role.OFFICER, Role.ADMIN)
SIGNED_IN = (Role.COUNCILLOR, Role.OFFICER, Role.ADMIN)

# ---------------------------------------------------------------- public offer


def index(request: HttpRequest) -> HttpResponse:
    """The offer's home page: search, and every category."""
    categories = OfferCategory.objects.all()
    return render(
        request,
        "offer/index.html",
        {"categories": categories, "search_form": forms.OfferSearchForm()},
    )


def entry(request: HttpRequest, slug: str) -> HttpResponse:
    shown = get_object_or_404(OfferEntry.objects.published().select_related("category"), slug=slug)
    return render(request, "offer/entry.html", {"entry": shown})


def _whole_offer() -> list[tuple[OfferCategory, list[OfferEntry]]]:
    published = OfferEntry.objects.published().order_by("title")
    categories = OfferCategory.objects.prefetch_related(
        Prefetch("entries", queryset=published, to_attr="published_entries")
    )
    return [(c, c.published_entries) for c in categories]


def printable(request: HttpRequest) -> HttpResponse:
    return render(request, "offer/print.html", {"sections": _whole_offer()})


def booklet(request: HttpRequest) -> HttpResponse:
    return pdf_response(
        "offer/pdf_booklet.html",
        {"sections": _whole_offer(), "title": "Our offer to you: help for care leavers"},
        filename="care-leaver-offer.pdf",
    )


def _safe_next(request: HttpRequest, target: str) -> str:
    return local_path(request, target, reverse("offer:index"))


def _address(request: HttpRequest) -> str:
    return client_address(request)  # behind the proxy, each young person's own address


@require_POST
def feedback(request: HttpRequest) -> HttpResponse:
    """'Was this useful?': a yes or no, anonymous and rate-limited."""
    back = _safe_next(request, request.POST.get("next", ""))
    shown = None
    if request.POST.get("entry", "").isdigit():
        shown = OfferEntry.objects.published().filter(pk=request.POST["entry"]).first()
    try:
        services.feedback_submit(
            address=_address(request), kind=request.POST.get("kind", ""), entry=shown, page=back
        )
    except services.RateLimited:
        messages.error(request, "You have sent a lot of feedback. Please try again in an hour.")
    except ValidationError:
        messages.error(request, "Choose yes or no")
    else:
        messages.success(request, "Thank you. Your answer helps us improve the offer.")
    return redirect(back)


def missing(request: HttpRequest) -> HttpResponse:
    """'Tell us what is missing': free text, anonymous and rate-limited, moderated before shown."""
    form = forms.MissingForm(request.POST or None, initial={"page": request.GET.get("page", "")})
    limited = False
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(
                address=_address(request),
                kind=Feedback.Kind.MISSING,
                text=form.cleaned_data["text"],
                page=_safe_next(request, form.cleaned_data["page"]),
            )
        except services.RateLimited:
            limited = True
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(request, "Thank you. We read everything you send us.")
            return redirect(_safe_next(request, form.cleaned_data["page"]))
    return render(request, "offer/missing.html", {"form": form, "limited": limited})


def you_said_we_did(request: HttpRequest) -> HttpResponse:
    items = [
        {
            "date": f.moderated_at.date(),
            "area": "The care leaver offer",
            "said": f.you_said,
            "did": f.we_did,
        }
        for f in Feedback.objects.you_said_we_did()[:100]
    ]
    items.extend(_champion_follow_ups())
    items.sort(key=lambda item: item["date"], reverse=True)
    return render(request, "offer/you_said_we_did.html", {"items": items})


def _champion_follow_ups() -> list[dict[str, object]]:
    """Champions' follow-ups marked for "You said, we did" (public-safe values, never who)."""
    try:
        from champions.models import Engagement
    except ImportError:  # the champions app is not installed
        return []
    return [
        {
            "date": row["date"],
            "area": row["area__name"],
            "said": row["young_people_said"],
            "did": row["follow_up_response"],
        }
        for row in Engagement.objects.for_you_said_we_did()[:100]
    ]


# ---------------------------------------------------------------- officers: the offer


@role_required(*EDITORS)
def manage(request: HttpRequest) -> HttpResponse:
    rows = OfferEntry.objects.select_related("category", "owner").order_by("review_by", "title")
    if request.GET.get("mine"):
        rows = rows.owned_by(request.user)
    if request.GET.get("past_review"):
        rows = rows.past_review()
    return table_page(
        request,
        table_class=OfferEntryTable,
        queryset=rows,
        template="offer/manage.html",
        csv_filename="offer-entries.csv",
        context={"waiting": Feedback.objects.awaiting_moderation().count()},
    )


@role_required(*EDITORS)
def entry_create(request: HttpRequest) -> HttpResponse:
    return _entry_form(request, None)


@role_required(*EDITORS)
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _entry_form(request, get_object_or_404(OfferEntry, pk=pk))


def _entry_form(request: HttpRequest, existing: OfferEntry | None) -> HttpResponse:
    initial = (
        {
            "owner": request.user,
            "review_by": years_later(timezone.localdate(), 1),
        }
        if existing is None
        else None
    )
    form = forms.OfferEntryForm(request.POST or None, instance=existing, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.offer_entry_save(
                entry=existing,
                actor=request.user,
                **{k: form.cleaned_data[k] for k in form.Meta.fields},
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(request, f"Saved '{saved.title}'")
            return redirect("offer:manage")
    audit_events = AuditEvent.objects.for_object(existing)[:20] if existing else []
    return render(
        request,
        "offer/entry_form.html",
        {"form": form, "entry": existing, "audit_events": audit_events},
    )


@role_required(*EDITORS)
def feedback_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "waiting")
    rows = Feedback.objects.with_words().select_related("entry")
    if show == "waiting":
        rows = rows.filter(status=Feedback.Status.NEW)
    return table_page(
        request,
        table_class=FeedbackTable,
        queryset=rows,
        template="offer/feedback_list.html",
        csv_filename="offer-feedback.csv",
        context={"show": show},
    )


@role_required(*EDITORS)
def feedback_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Feedback.objects.with_words(), pk=pk)
    initial = {"you_said": item.you_said, "we_did": item.we_did}
    form = forms.ModerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_moderate(
                feedback=item,
                actor=request.user,
                publish=form.cleaned_data["decision"] == "publish",
                you_said=form.cleaned_data["you_said"],
                we_did=form.cleaned_data["we_did"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field, problem)
        else:
            messages.success(request, "Decision saved")
            return redirect("offer:feedback_list")
    return render(request, "offer/feedback_moderate.html", {"form": form, "item": item})


# ---------------------------------------------------------------- KPIs


def _scorecard_groups() -> list[tuple[str, list[kpis.IndicatorStatus]]]:
    statuses = [
        kpis.status_of(indicator, indicator.latest_measurements)
        for indicator in Indicator.objects.for_scorecard()
    ]
    # In the strategy's order; indicators with no priority yet come last.
    statuses.sort(key=lambda s: (*_priority_order(s), s.indicator.code))
    return [
        (label, list(group))
        for (_, _, label), group in itertools.groupby(statuses, key=_priority_order)
    ]


def _priority_order(status: kpis.IndicatorStatus) -> tuple[int, int, str]:
    priority = status.indicator.priority
    if priority is None:
        return (1, 0, "No strategic priority yet")
    return (0, priority.position, priority.name)


SCORECARD_CSV_HEADER = (
    "Priority",
    "Code",
    "Indicator",
    "Period",
    "Value",
    "Target",
    "RAG",
    "Direction of travel",
    "England",
    "Statistical neighbours",
    "Region",
)


@role_required(*SIGNED_IN)
def scorecard(request: HttpRequest) -> HttpResponse:
    groups = _scorecard_groups()
    if request.GET.get("export") == "csv":
        rows = [SCORECARD_CSV_HEADER]
        for priority, statuses in groups:
            for s in statuses:
                rows.append(
                    (
                        priority,
                        s.indicator.code,
                        s.indicator.name,
                        s.latest.period if s.latest else "",
                        s.latest_text,
                        s.target_text,
                        s.rag_label,
                        s.trend_label,
                        s.england_text,
                        s.neighbours_text,
                        s.region_text,
                    )
                )
        return csv_response(rows, filename="kpi-scorecard.csv")
    return render(request, "offer/scorecard.html", {"groups": groups})


@role_required(*SIGNED_IN)
def scorecard_pdf(request: HttpRequest) -> HttpResponse:
    return pdf_response(
        "offer/pdf_scorecard.html",
        {"groups": _scorecard_groups(), "title": "KPI scorecard", "today": timezone.localdate()},
        filename="kpi-scorecard.pdf",
    )


@role_required(*SIGNED_IN)
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    shown = get_object_or_404(Indicator, code=code)
    history = list(shown.measurements.order_by("period_start"))
    status = kpis.status_of(shown, history)
    recent = kpis.status_of(shown, history[-12:])
    rows = []
    previous = None
    for m in history:
        rows.append(
            {
                "m": m,
                "value": kpis.format_value(m.value, shown.unit),
                "england": kpis.format_value(m.england, shown.unit)
                if m.england is not None
                else "",
                "neighbours": kpis.format_value(m.statistical_neighbours, shown.unit)
                if m.statistical_neighbours is not None
                else "",
                "region": kpis.format_value(m.region, shown.unit) if m.region is not None else "",
                "rag": kpis.RAG_LABELS.get(
                    kpis.rag(
                        value=m.value,
                        target=shown.target,
                        tolerance=shown.tolerance,
                        polarity=shown.polarity,
                    )
                    or "",
                    "",
                ),
                "trend": kpis.TREND_LABELS.get(
                    kpis.trend(value=m.value, previous=previous, polarity=shown.polarity) or "", ""
                ),
            }
        )
        previous = m.value
    rows.reverse()
    if request.GET.get("export") == "csv":
        return csv_response(
            [
                (
                    "Period",
                    "Value",
                    "RAG",
                    "Direction of travel",
                    "England",
                    "Statistical neighbours",
                    "Region",
                    "Note",
                )
            ]
            + [
                (
                    r["m"].period,
                    r["value"],
                    r["rag"],
                    r["trend"],
                    r["england"],
                    r["neighbours"],
                    r["region"],
                    r["m"].note,
                )
                for r in rows
            ],
            filename=f"kpi-{shown.code}.csv",
        )
    return render(
        request,
        "offer/indicator.html",
        {"indicator": shown, "status": status, "chart": recent.chart, "rows": rows},
    )


@role_required(*EDITORS)
def kpi_import(request: HttpRequest) -> HttpResponse:
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    row_errors: list[services.RowError] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.measurements_import(
                data=form.cleaned_data["file"].read(), actor=request.user
            )
        except services.ImportRefused as refused:
            row_errors = refused.errors
            form.add_error(
                "file",
                f"Nothing was imported: {len(row_errors)} "
                f"{'row has a problem' if len(row_errors) == 1 else 'rows have problems'}. "
                "Fix them and import the whole file again.",
            )
        else:
            messages.success(
                request,
                f"Imported {result.created} new figures and updated {result.updated}",
            )
            return redirect("offer:scorecard")
    return render(
        request,
        "offer/import.html",
        {
            "form": form,
            "row_errors": row_errors,
            "indicators": Indicator.objects.order_by("code").only("code"),
        },
    )
