"""Admins keep the list of decision statuses ("Recommendations Approved", "Noted", "Deferred")
that clerks choose from when they record what became of a resolution. A status is renamed,
reordered or retired, never deleted: resolutions that have it keep it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import AuditEvent, Role
from corporate_parenting.permissions import role_required
from panels.forms.decisions import DecisionStatusForm
from panels.models import DecisionStatus, Resolution
from panels.services import decisions as decision_services


def usage_counts() -> dict[int, int]:
    """How many resolutions have each decision status, in one query."""
    rows = (
        Resolution.objects.filter(decision_status__isnull=False)
        .values("decision_status")
        .annotate(count=Count("pk"))
    )
    return {row["decision_status"]: row["count"] for row in rows}


@role_required(Role.ADMIN)
def decision_status_list(request: SignedInRequest) -> HttpResponse:
    counts = usage_counts()
    statuses = list(DecisionStatus.objects.order_by("-is_active", "position", "name"))
    for status in statuses:
        status.resolution_count = counts.get(status.pk, 0)  # type: ignore[attr-defined]  # extra attribute for the template
    return render(request, "panels/decisions/list.html", {"statuses": statuses})


@role_required(Role.ADMIN)
def decision_status_add(request: SignedInRequest) -> HttpResponse:
    form = DecisionStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = decision_services.decision_status_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                position=form.cleaned_data["position"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Decision status added: {created.name}")
            return redirect("panels:decision_status_list")
    return render(
        request,
        "panels/decisions/form.html",
        {"form": form, "heading": "Add a decision status"},
    )


@role_required(Role.ADMIN)
def decision_status_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    status = get_object_or_404(DecisionStatus, pk=pk)
    form = DecisionStatusForm(
        request.POST or None,
        editing=True,
        initial={"name": status.name, "position": status.position, "is_active": status.is_active},
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = decision_services.decision_status_update(
                actor=request.user,
                status=status,
                name=form.cleaned_data["name"],
                position=(
                    status.position
                    if form.cleaned_data["position"] is None
                    else form.cleaned_data["position"]
                ),
                is_active=form.cleaned_data["is_active"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            changed = saved
            if status.is_active and not changed.is_active:
                messages.success(
                    request, f"{changed.name} retired: clerks are no longer offered it"
                )
            elif not status.is_active and changed.is_active:
                messages.success(request, f"{changed.name} is in use again")
            else:
                messages.success(request, f"Decision status saved: {changed.name}")
            return redirect("panels:decision_status_list")
    return render(
        request,
        "panels/decisions/form.html",
        {
            "form": form,
            "status": status,
            "heading": f"Change {status.name}",
            "resolution_count": usage_counts().get(status.pk, 0),
            "audit_events": AuditEvent.objects.for_object(status)[:20],
        },
    )
