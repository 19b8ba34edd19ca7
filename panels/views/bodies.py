"""Bodies: the list, a body's page, its members, register of interests and attendance."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, AuditEvent, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from panels import services
from panels.forms.bodies import BodyForm, MembershipForm
from panels.models import Body, Declaration, Membership
from panels.stats import attendance_statistics
from panels.tables import DeclarationTable


@role_required(*EVERYONE_SIGNED_IN)
def body_list(request: SignedInRequest) -> HttpResponse:
    bodies = Body.objects.visible_to(request.user).select_related("clerk").distinct()
    return render(
        request,
        "panels/body_list.html",
        {"bodies": bodies, "can_manage": request.user.has_role(Role.ADMIN)},
    )


def _body_for(request: SignedInRequest, slug: str) -> Body:
    return get_object_or_404(Body.objects.visible_to(request.user).distinct(), slug=slug)


@role_required(*EVERYONE_SIGNED_IN)
def body_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    body = _body_for(request, slug)
    memberships = sorted(
        body.memberships.select_related("user"), key=lambda m: (m.role, m.sort_name)
    )
    meetings = body.meetings.order_by("-date")[:20]
    return render(
        request,
        "panels/body_detail.html",
        {
            "body": body,
            "memberships": memberships,
            "meetings": meetings,
            "can_manage": request.user.has_role(Role.ADMIN),
            "can_plan": request.user.is_council_staff,
            "audit_events": AuditEvent.objects.for_object(body)[:30]
            if request.user.has_role(Role.ADMIN)
            else None,
        },
    )


@role_required(Role.ADMIN)
def body_create(request: SignedInRequest) -> HttpResponse:
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.body_create(
                actor=request.user,
                **{name: form.cleaned_data[name] for name in services.BODY_FIELDS},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{created.name} added")
            return redirect(created)
    return render(request, "panels/body_form.html", {"form": form, "heading": "New body"})


@role_required(Role.ADMIN)
def body_edit(request: SignedInRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    form = BodyForm(request.POST or None, initial=model_to_dict(body, fields=services.BODY_FIELDS))
    if request.method == "POST" and form.is_valid():
        try:
            updated = services.body_update(
                actor=request.user,
                body=body,
                **{name: form.cleaned_data[name] for name in services.BODY_FIELDS},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Body saved")
            return redirect(updated)
    return render(
        request,
        "panels/body_form.html",
        {"form": form, "heading": f"Change {body.name}", "body": body},
    )


@role_required(Role.ADMIN)
def membership_add(request: SignedInRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    form = MembershipForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.membership_set(
                actor=request.user,
                body=body,
                user=form.cleaned_data["user"],
                seat_name=form.cleaned_data["seat_name"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{added.display_name} added to {body.name}")
            return redirect(body)
    return render(request, "panels/membership_form.html", {"form": form, "body": body})


@role_required(Role.ADMIN)
def membership_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("body", "user"), pk=pk)
    if request.method == "POST":
        services.membership_remove(actor=request.user, membership=membership)
        messages.success(request, f"{membership.display_name} removed from {membership.body.name}")
        return redirect(membership.body)
    return render(request, "panels/membership_remove.html", {"membership": membership})


@role_required(*EVERYONE_SIGNED_IN)
def body_register(request: SignedInRequest, slug: str) -> HttpResponse:
    body = _body_for(request, slug)
    return table_page(
        request,
        table_class=DeclarationTable,
        queryset=Declaration.objects.for_body(body).order_by("-meeting__date", "member__full_name"),
        template="panels/body_register.html",
        csv_filename=f"register-of-interests-{body.slug}.csv",
        context={"body": body},
    )


@role_required(*EVERYONE_SIGNED_IN)
def body_attendance(request: SignedInRequest, slug: str) -> HttpResponse:
    body = _body_for(request, slug)
    return render(
        request,
        "panels/body_attendance.html",
        {"body": body, "statistics": attendance_statistics(body, public=False)},
    )
