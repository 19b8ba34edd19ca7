"""Pages where KPI owners and admins keep the indicators' definitions. Thin: fetch, one service
call, message, redirect."""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from functools import wraps
from typing import Any

from crispy_forms_gds.choices import Choice
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.counting import count_of
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES, AuditEvent
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import csv_response, table_page
from offer.indicators import services
from offer.indicators.forms import (
    ConfirmForm,
    DefinitionsImportForm,
    IndicatorFilter,
    IndicatorForm,
    ReferenceForm,
)
from offer.indicators.tables import IndicatorTable
from offer.models import Indicator, Measurement, Polarity, Unit
from offer.services import IMPORT_COLUMNS, ImportRefused, RowError


def manager_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people sign in first; anyone but an admin or a KPI owner gets 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not services.can_manage_indicators(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@manager_required
def indicator_list(request: SignedInRequest) -> HttpResponse:
    data = request.GET.copy()
    if not data.get("status"):
        data["status"] = "current"
    rows = (
        Indicator.objects.select_related("priority", "owner")
        .annotate(
            figure_count=count_of(Measurement.objects.filter(indicator=OuterRef("pk")), "indicator")
        )
        .order_by("code")
    )
    return table_page(
        request,
        table_class=IndicatorTable,
        filterset=IndicatorFilter(data, queryset=rows),
        template="offer/indicators/list.html",
        csv_filename="indicators.csv",
    )


@manager_required
def indicator_create(request: SignedInRequest) -> HttpResponse:
    return _indicator_form(request, None)


@manager_required
def indicator_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return _indicator_form(request, get_object_or_404(Indicator, pk=pk))


def _indicator_form(request: SignedInRequest, existing: Indicator | None) -> HttpResponse:
    initial = {"owner": request.user} if existing is None else None
    # As stored, for the page around the form: the form changes its instance in memory.
    stored = copy(existing)
    form = IndicatorForm(request.POST or None, instance=existing, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.indicator_save(
                actor=request.user,
                indicator=existing,
                **{name: form.cleaned_data[name] for name in IndicatorForm.Meta.fields},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved {saved.code}: {saved.name}")
            return redirect("offer:indicator_list")
    context: dict[str, object] = {"form": form, "indicator": existing}
    if stored is not None:
        context |= {
            "stored": stored,
            "figure_count": stored.measurements.count(),
            "audit_events": AuditEvent.objects.for_object(stored)[:20],
        }
    return render(request, "offer/indicators/form.html", context)


def _confirm(
    request: SignedInRequest,
    pk: int,
    *,
    step: Callable[..., object],
    template: str,
    submit_text: str,
    done: str,
    refusal: Callable[[Indicator], str | None] | None = None,
) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    form = ConfirmForm(request.POST or None, submit_text=submit_text)
    if request.method == "POST" and form.is_valid():
        try:
            step(actor=request.user, indicator=indicator)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done.format(code=indicator.code))
            return redirect("offer:indicator_list")
    return render(
        request,
        template,
        {
            "form": form,
            "indicator": indicator,
            "figure_count": indicator.measurements.count(),
            "refusal": refusal(indicator) if refusal else None,
        },
    )


@manager_required
def indicator_retire(request: SignedInRequest, pk: int) -> HttpResponse:
    return _confirm(
        request,
        pk,
        step=services.indicator_retire,
        template="offer/indicators/retire.html",
        submit_text="Retire this indicator",
        done="Retired {code}. Its figures and history are kept; reinstate it to watch it again.",
    )


@manager_required
def indicator_reinstate(request: SignedInRequest, pk: int) -> HttpResponse:
    return _confirm(
        request,
        pk,
        step=services.indicator_reinstate,
        template="offer/indicators/reinstate.html",
        submit_text="Reinstate this indicator",
        done="Reinstated {code}: it is on the scorecard again.",
    )


@manager_required
def indicator_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    return _confirm(
        request,
        pk,
        step=services.indicator_delete,
        template="offer/indicators/delete.html",
        submit_text="Delete this indicator",
        done="Deleted {code}.",
        refusal=services.delete_refusal,
    )


@manager_required
def indicator_import(request: SignedInRequest) -> HttpResponse:
    form = DefinitionsImportForm(request.POST or None, request.FILES or None)
    row_errors: list[RowError] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.indicators_import(
                actor=request.user, data=form.cleaned_data["file"].read()
            )
        except ImportRefused as refused:
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
                f"Added {result.created} new indicators and changed {result.updated}",
            )
            return redirect("offer:indicator_list")
    return render(
        request,
        "offer/indicators/import.html",
        {"form": form, "row_errors": row_errors, "columns": services.DEFINITION_COLUMNS},
    )


@manager_required
def indicator_reference(request: SignedInRequest) -> HttpResponse:
    """The national measures as a checklist: the council picks which to add (never figures)."""
    listed = services.reference_choices()
    choices = [
        Choice(
            reference.code,
            f"{reference.name} ({reference.code})",
            hint=f"{Unit(reference.unit).label}; {Polarity(reference.polarity).label.lower()}. "
            f"{reference.source}",
        )
        for reference, already in listed
        if not already
    ]
    # Bound on every POST: one with nothing ticked sends no field at all.
    form = ReferenceForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.reference_load(actor=request.user, codes=form.cleaned_data["codes"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            added = len(result.created)
            messages.success(
                request,
                f"Added {added} national measure{'' if added == 1 else 's'}: "
                f"{', '.join(result.created)}. Give each a strategic priority, a target and an "
                "owner.",
            )
            return redirect("offer:indicator_list")
    return render(
        request,
        "offer/indicators/reference.html",
        {
            "form": form,
            "offered": len(choices),
            "already": [reference for reference, already in listed if already],
        },
    )


@manager_required
def indicator_import_template(request: SignedInRequest) -> HttpResponse:
    return csv_response(services.DEFINITIONS_TEMPLATE, filename="indicator-definitions.csv")


@role_required(*STAFF_ROLES)
def figures_template(request: SignedInRequest) -> HttpResponse:
    """An example figures file for the figures import, with every column it reads."""
    example = ("CL-EET-19-21", "2025", "58.5", "56", "57.2", "55.1", "Provisional")
    return csv_response([IMPORT_COLUMNS, example], filename="kpi-figures.csv")
