"""Areas, their link officers and their champions' appointments."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from champions import forms, services
from champions.models import Appointment, ChampionArea, LinkOfficer
from champions.querysets import marked_can_open
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, AuditEvent, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.years import current_political_year, political_year_starting


@role_required(*SIGNED_IN_ROLES)
def area_list(request: SignedInRequest) -> HttpResponse:
    year = current_political_year()
    areas = (
        ChampionArea.objects.with_champion_count(year)
        .with_is_vacant(year)
        .with_open_follow_up_count()
        .order_by("name")
    )
    return render(request, "champions/area_list.html", {"areas": areas, "year": year})


@role_required(*SIGNED_IN_ROLES)
def area_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    year = current_political_year()
    area = get_object_or_404(ChampionArea.objects.with_is_vacant(year), slug=slug)
    timeline = (
        area.engagements.submitted().in_year(year).select_related("member__user").order_by("-date")
    )
    is_admin = request.user.has_role(Role.ADMIN)
    # Linked only where the viewer may open the engagement (its page is a 404 otherwise).
    open_follow_ups = marked_can_open(
        area.engagements.open_follow_ups().select_related("member__user").order_by("date")[:20],
        request.user,
    )
    return render(
        request,
        "champions/area_detail.html",
        {
            "area": area,
            "year": year,
            "appointments": area.appointments.in_year(year)
            .with_people()
            .order_by("ended_on", "member__user__full_name"),
            "link_officers": area.link_officers.with_people(),
            "timeline": timeline[:20],
            "timeline_count": timeline.count(),
            "open_follow_ups": open_follow_ups,
            "is_admin": is_admin,
            "audit_events": AuditEvent.objects.for_object(area)[:20] if is_admin else None,
        },
    )


@role_required(Role.ADMIN)
def area_create(request: SignedInRequest) -> HttpResponse:
    form = forms.AreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            area = services.area_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Area {area} added")
            return redirect(area)
    return render(request, "champions/area_form.html", {"form": form, "area": None})


@role_required(Role.ADMIN)
def area_edit(request: SignedInRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ChampionArea, slug=slug)
    form = forms.AreaForm(
        request.POST or None,
        initial={f: getattr(area, f) for f in services.AREA_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.area_update(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Area saved")
            return redirect(area)
    return render(request, "champions/area_form.html", {"form": form, "area": area})


@role_required(Role.ADMIN)
def link_officer_add(request: SignedInRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ChampionArea, slug=slug)
    form = forms.LinkOfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_officer_add(actor=request.user, area=area, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Link officer added to {area}")
            return redirect(area)
    return render(request, "champions/link_officer_form.html", {"form": form, "area": area})


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def link_officer_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(LinkOfficer.objects.with_people(), pk=pk)
    area = link.area
    if request.method == "POST":
        services.link_officer_remove(actor=request.user, link=link)
        messages.success(request, f"{link.officer} is no longer a link officer for {area}")
        return redirect(area)
    return render(
        request,
        "champions/confirm.html",
        {
            "title": f"Remove {link.officer} as link officer for {area}?",
            "button": "Remove link officer",
            "back": area.get_absolute_url(),
        },
    )


@role_required(Role.ADMIN)
def appointment_create(request: SignedInRequest) -> HttpResponse:
    initial = {}
    slug = request.GET.get("area", "")
    if slug and len(slug) <= 120 and slug_re.fullmatch(slug):
        initial["area"] = ChampionArea.objects.filter(slug=slug).first()
    form = forms.AppointmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.appointment_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            year = political_year_starting(appointment.start_year)
            messages.success(
                request,
                f"{appointment.member} appointed champion for {appointment.area} in {year.label}",
            )
            return redirect(appointment.area)
    return render(request, "champions/appointment_form.html", {"form": form})


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def appointment_end(request: SignedInRequest, pk: int) -> HttpResponse:
    """Record the last day a champion served; the appointment stays in the year's history."""
    appointment = get_object_or_404(Appointment.objects.with_people(), pk=pk)
    if appointment.is_ended:
        raise Http404("This appointment has already ended")
    year = political_year_starting(appointment.start_year)
    form = forms.AppointmentEndForm(
        request.POST or None,
        initial={"ended_on": min(max(timezone.localdate(), year.start), year.end)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_end(
                actor=request.user,
                appointment=appointment,
                ended_on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"{appointment.member}'s appointment to {appointment.area} ended on "
                f"{appointment.ended_on:%-d %B %Y}",
            )
            return redirect(appointment.area)
    return render(
        request,
        "champions/appointment_end.html",
        {"form": form, "appointment": appointment, "year": year},
    )
