"""The action log, a person's own actions, and one action with its updates."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, AuditEvent
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from panels import services
from panels.filters import ActionFilter
from panels.forms.actions import ActionUpdateForm
from panels.models import ActionUpdate, Resolution
from panels.tables import ActionTable


@role_required(*EVERYONE_SIGNED_IN)
def action_list(request: SignedInRequest) -> HttpResponse:
    actions = Resolution.objects.actions().visible_to(request.user).for_log()
    filterset = ActionFilter(request.GET or {"status": "open_or_in_progress"}, queryset=actions)
    return table_page(
        request,
        table_class=ActionTable,
        filterset=filterset,
        template="panels/action_list.html",
        csv_filename="action-log.csv",
    )


@role_required(*EVERYONE_SIGNED_IN)
def my_actions(request: SignedInRequest) -> HttpResponse:
    actions = Resolution.objects.open().owned_by(request.user).for_log()
    return table_page(
        request,
        table_class=ActionTable,
        queryset=actions,
        template="panels/my_actions.html",
        csv_filename="my-actions.csv",
    )


@require_http_methods(["GET", "POST"])
@role_required(*EVERYONE_SIGNED_IN)
def action_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        Resolution.objects.actions()
        .visible_to(request.user)
        .for_log()
        # The authors joined to the updates: one query whether or not there are any (a nested
        # prefetch asks a second only when there are, so the count varied with the action).
        .prefetch_related(
            Prefetch("updates", queryset=ActionUpdate.objects.select_related("author"))
        ),
        pk=pk,
    )
    # Staff update any action; a member, the actions that are theirs (Resolution.owned_by).
    can_update = (
        request.user.is_council_staff
        or Resolution.objects.owned_by(request.user).filter(pk=action.pk).exists()
    )
    if request.method == "POST" and not can_update:
        raise PermissionDenied
    form = ActionUpdateForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update_add(
                actor=request.user,
                resolution=action,
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action updated")
            return redirect(action)
    return render(
        request,
        "panels/action_detail.html",
        {
            "action": action,
            "form": form if can_update else None,
            "audit_events": AuditEvent.objects.for_object(action),
        },
    )
