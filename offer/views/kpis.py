"""The KPIs for signed-in people: the scorecard (page, CSV, PDF), one indicator's history, and
officers' import of figures. The rows come from offer/scorecard.py; the rules from offer/kpis/rules.py."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, STAFF_ROLES
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import csv_response
from offer import forms, services
from offer import scorecard as presenter
from offer.indicators.forms import ScorecardOptionsForm
from offer.models import Indicator


def _bad_options(options: ScorecardOptionsForm) -> HttpResponse:
    """A download asked for with an option the scorecard does not have: said, not guessed."""
    return HttpResponseBadRequest(
        " ".join(str(message) for message in options.errors.get("all", [])),
        content_type="text/plain; charset=utf-8",
    )


@role_required(*SIGNED_IN_ROLES)
def scorecard(request: SignedInRequest) -> HttpResponse:
    options = ScorecardOptionsForm(request.GET)
    with_empty = options.with_empty()
    if request.GET.get("export") == "csv":
        if not options.is_valid():
            return _bad_options(options)
        shown = presenter.scorecard_of(
            Indicator.objects.current().for_scorecard(), with_empty=with_empty
        )
        return csv_response(
            presenter.scorecard_csv_rows(shown.groups), filename="kpi-scorecard.csv"
        )
    return render(
        request,
        "offer/scorecard.html",
        {
            "scorecard": presenter.scorecard_page(with_empty=with_empty),
            "options": options,
            "with_empty": with_empty,
        },
    )


@role_required(*SIGNED_IN_ROLES)
def scorecard_pdf(request: SignedInRequest) -> HttpResponse:
    options = ScorecardOptionsForm(request.GET)
    if not options.is_valid():
        return _bad_options(options)
    shown = presenter.scorecard_of(
        Indicator.objects.current().for_scorecard(), with_empty=options.with_empty()
    )
    return pdf_response(
        "offer/pdf_scorecard.html",
        {
            "groups": shown.groups,
            "hidden": shown.hidden,
            "title": "KPI scorecard",
            "today": timezone.localdate(),
        },
        filename="kpi-scorecard.pdf",
    )


@role_required(*SIGNED_IN_ROLES)
def indicator(request: SignedInRequest, code: str) -> HttpResponse:
    shown = get_object_or_404(Indicator.objects.select_related("priority"), code=code)
    history = presenter.indicator_history(shown, shown.measurements.all())
    if request.GET.get("export") == "csv":
        return csv_response(presenter.history_csv_rows(history), filename=f"kpi-{shown.code}.csv")
    return render(
        request,
        "offer/indicator.html",
        {
            "indicator": shown,
            "status": history.status,
            "chart": history.chart_status.chart,
            "rows": history.rows,
        },
    )


@role_required(*STAFF_ROLES)
def kpi_import(request: SignedInRequest) -> HttpResponse:
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
            "indicators": Indicator.objects.current().order_by("code").only("code"),
        },
    )
