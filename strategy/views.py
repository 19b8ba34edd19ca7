"""The strategy's pages: for members, its progress; for admins, shaping it; for officers,
linking work to it; for everyone, a public summary of priorities, objectives and counts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, STAFF_ROLES, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import csv_response
from panels.models import Resolution
from strategy import forms, services
from strategy.models import Objective, Priority
from strategy.progress import csv_rows, objective_progress, objectives_with_progress, progress_of

# ---------------------------------------------------------------- reading


@role_required(*SIGNED_IN_ROLES)
def index(request: SignedInRequest) -> HttpResponse:
    progress = progress_of(Priority.objects.current())
    return render(
        request,
        "strategy/index.html",
        {
            "progress": progress,
            "retired": Priority.objects.retired(),
            "can_shape": services.can_shape(request.user),
        },
    )


@role_required(*SIGNED_IN_ROLES)
def progress_csv(request: SignedInRequest) -> HttpResponse:
    return csv_response(
        csv_rows(progress_of(Priority.objects.current())), filename="strategy-progress.csv"
    )


def public(request: HttpRequest) -> HttpResponse:
    """No sign-in: priorities, objectives and counts only. Actions are counted, never named
    (their meetings' minutes may not be published); only published offer entries count."""
    return render(
        request,
        "strategy/public.html",
        {"progress": progress_of(Priority.objects.current(), public=True)},
    )


@role_required(*SIGNED_IN_ROLES)
def priority_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    priority = get_object_or_404(Priority, slug=slug)
    [progress] = progress_of(Priority.objects.filter(pk=priority.pk))
    return render(
        request,
        "strategy/priority_detail.html",
        {
            "priority": priority,
            "progress": progress,
            "can_shape": services.can_shape(request.user),
        },
    )


@role_required(*SIGNED_IN_ROLES)
def objective_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    objective = get_object_or_404(
        objectives_with_progress(Objective.objects.select_related("priority")), pk=pk
    )
    # Members see the actions of the bodies they sit on; the rest are counted only.
    visible = set(
        Resolution.objects.visible_to(request.user)
        .filter(objectives=objective)
        .values_list("pk", flat=True)
    )
    actions = [a for a in objective.actions.all() if a.pk in visible]
    return render(
        request,
        "strategy/objective_detail.html",
        {
            "objective": objective,
            "progress": objective_progress(objective),
            "actions": actions,
            "hidden_actions": len(objective.actions.all()) - len(actions),
            "can_shape": services.can_shape(request.user),
            "can_link": services.can_link(request.user),
        },
    )


# ---------------------------------------------------------------- shaping (admins)


@role_required(Role.ADMIN)
def priority_create(request: SignedInRequest) -> HttpResponse:
    return _priority_form(request, None)


@role_required(Role.ADMIN)
def priority_edit(request: SignedInRequest, slug: str) -> HttpResponse:
    return _priority_form(request, get_object_or_404(Priority, slug=slug))


def _priority_form(request: SignedInRequest, priority: Priority | None) -> HttpResponse:
    initial = (
        {
            "name": priority.name,
            "slug": priority.slug,
            "description": priority.description,
            "position": priority.position,
        }
        if priority
        else {"position": (Priority.objects.count() + 1) * 10}
    )
    form = forms.PriorityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.priority_save(
                actor=request.user, priority=priority, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Priority ‘{saved.name}’ saved")
            return redirect(saved)
    return render(request, "strategy/priority_form.html", {"form": form, "priority": priority})


@role_required(Role.ADMIN)
def priority_retire(request: SignedInRequest, slug: str) -> HttpResponse:
    """GET asks to confirm; POST retires the priority, or brings a retired one back."""
    priority = get_object_or_404(Priority, slug=slug)
    if request.method == "POST":
        try:
            if priority.is_retired:
                services.priority_restore(actor=request.user, priority=priority)
                messages.success(request, f"‘{priority.name}’ is back in the strategy")
            else:
                services.priority_retire(actor=request.user, priority=priority)
                messages.success(
                    request,
                    f"‘{priority.name}’ retired: its objectives, KPIs and reports keep it",
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(priority)
    return render(request, "strategy/priority_retire.html", {"priority": priority})


@role_required(Role.ADMIN)
def objective_create(request: SignedInRequest, slug: str) -> HttpResponse:
    priority = get_object_or_404(Priority, slug=slug)
    return _objective_form(request, None, priority)


@role_required(Role.ADMIN)
def objective_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    objective = get_object_or_404(Objective.objects.select_related("priority"), pk=pk)
    return _objective_form(request, objective, objective.priority)


def _objective_form(
    request: SignedInRequest, objective: Objective | None, priority: Priority
) -> HttpResponse:
    if objective is None and priority.is_retired:
        messages.error(request, f"‘{priority.name}’ is retired: bring it back to add objectives")
        return redirect(priority)
    initial = (
        {
            "priority": objective.priority_id,
            "title": objective.title,
            "description": objective.description,
            "position": objective.position,
        }
        if objective
        else {"priority": priority.pk, "position": (priority.objectives.count() + 1) * 10}
    )
    form = forms.ObjectiveForm(request.POST or None, initial=initial, objective=objective)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.objective_save(
                actor=request.user, objective=objective, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Objective ‘{saved.title}’ saved")
            return redirect(saved)
    return render(
        request,
        "strategy/objective_form.html",
        {"form": form, "objective": objective, "priority": priority},
    )


# ---------------------------------------------------------------- linking (officers, admins)


@role_required(*STAFF_ROLES)
def objective_links(request: SignedInRequest, pk: int) -> HttpResponse:
    objective = get_object_or_404(Objective.objects.select_related("priority"), pk=pk)
    initial = {
        "actions": list(objective.actions.values_list("pk", flat=True)),
        "indicators": list(objective.indicators.values_list("pk", flat=True)),
        "offer_entries": list(objective.offer_entries.values_list("pk", flat=True)),
    }
    form = forms.ObjectiveLinksForm(request.POST or None, initial=initial, objective=objective)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_links_set(
                actor=request.user, objective=objective, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "What serves this objective is saved")
            return redirect(objective)
    return render(request, "strategy/objective_links.html", {"form": form, "objective": objective})
