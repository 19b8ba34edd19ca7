"""A champion's own plan for the year: add items, change or remove them, tick them off."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from champions import forms, services
from champions.models import Member, PlanItem
from champions.progress import progress_for
from champions.views.common import member_of
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import Role
from corporate_parenting.permissions import role_required
from corporate_parenting.years import current_political_year, political_year_starting


def _own_item(request: SignedInRequest, pk: int) -> tuple[PlanItem, Member]:
    item = get_object_or_404(
        PlanItem.objects.select_related("member", "area", "done_by"),
        pk=pk,
        member__user=request.user,
    )
    return item, item.member


@role_required(Role.COUNCILLOR)
def plan(request: SignedInRequest) -> HttpResponse:
    """The plan for this political year, with a form to add an item."""
    year = current_political_year()
    member = member_of(request)
    is_champion = member is not None and member.appointments.in_year(year).exists()
    form = forms.PlanItemForm(request.POST or None, member=member, year=year) if member else None
    if request.method == "POST" and member is not None and form is not None and form.is_valid():
        try:
            services.plan_item_add(member=member, start_year=year.start_year, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Added to your plan")
            return redirect("champions:plan")
    items = (
        list(member.plan_items.in_year(year).with_done_by().order_by("due_by", "pk"))
        if member
        else []
    )
    return render(
        request,
        "champions/plan.html",
        {
            "year": year,
            "member": member,
            "is_champion": is_champion,
            "form": form if is_champion else None,
            "items": items,
            "done_count": sum(1 for item in items if item.is_done),
            "progress": progress_for(member, year) if member else None,
        },
    )


@role_required(Role.COUNCILLOR)
def plan_item_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item, member = _own_item(request, pk)
    year = political_year_starting(item.start_year)
    form = forms.PlanItemForm(
        request.POST or None,
        member=member,
        year=year,
        initial={"intention": item.intention, "area": item.area_id, "due_by": item.due_by},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_item_update(item=item, member=member, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Plan item saved")
            return redirect("champions:plan")
    return render(request, "champions/plan_item_form.html", {"form": form, "item": item})


@role_required(Role.COUNCILLOR)
@require_http_methods(["GET", "POST"])
def plan_item_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    item, member = _own_item(request, pk)
    if request.method == "POST":
        services.plan_item_delete(item=item, member=member)
        messages.success(request, "Removed from your plan")
        return redirect("champions:plan")
    return render(
        request,
        "champions/confirm.html",
        {
            "title": "Remove this item from your plan?",
            "button": "Remove from plan",
            "back": reverse("champions:plan"),
            "note": item.intention,
        },
    )


@role_required(Role.COUNCILLOR)
@require_http_methods(["GET", "POST"])
def plan_item_tick(request: SignedInRequest, pk: int) -> HttpResponse:
    """Tick the item off with one of the champion's engagements, or untick it."""
    item, member = _own_item(request, pk)
    year = political_year_starting(item.start_year)
    if request.method == "POST" and "untick" in request.POST:
        services.plan_item_tick(item=item, member=member, engagement=None)
        messages.success(request, "Plan item is not done any more")
        return redirect("champions:plan")
    form = forms.PlanTickForm(
        request.POST or None,
        member=member,
        year=year,
        initial={"engagement": item.done_by_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_item_tick(item=item, member=member, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Plan item ticked off")
            return redirect("champions:plan")
    return render(
        request,
        "champions/plan_item_tick.html",
        {
            "form": form,
            "item": item,
            "can_tick": member.engagements.submitted().in_year(year).exists(),
        },
    )
