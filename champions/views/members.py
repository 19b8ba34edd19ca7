"""Members: a councillor's own champion role; admins' member list, record, target and the
champion settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from champions import forms, services
from champions.models import ChampionArea, ChampionSettings, LinkOfficer, Member
from champions.progress import progress_for, target_for, too_new_to_chase
from champions.tables import member_table_for
from champions.views.common import member_of
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import AuditEvent, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from corporate_parenting.years import current_political_year


@role_required(Role.COUNCILLOR)
def my_role(request: SignedInRequest) -> HttpResponse:
    year = current_political_year()
    member = member_of(request)
    context: dict[str, object] = {"year": year, "member": member}
    if member is not None:
        areas = list(ChampionArea.objects.championed_by(member, year))
        settings = ChampionSettings.load()  # once, for the target and the DBS check alike
        today = timezone.localdate()
        context.update(
            areas=areas,
            link_officers=LinkOfficer.objects.for_areas(areas).with_people(),
            progress=progress_for(member, year, settings.engagement_target),
            settling_in=too_new_to_chase(member, year, today),
            engagements=member.engagements.in_year(year).select_related("area")[:10],
            drafts=member.engagements.drafts().select_related("area")[:10],
            plan_count=member.plan_items.in_year(year).count(),
            settings=settings,
            today=today,
            dbs_summary=member.dbs_summary(today, valid_years=settings.dbs_valid_years),
            dbs_expires_on=member.dbs_expires_on(settings.dbs_valid_years),
        )
    return render(request, "champions/my_role.html", context)


@role_required(Role.ADMIN)
def member_list(request: SignedInRequest) -> HttpResponse:
    year = current_political_year()
    settings = ChampionSettings.load()
    rows = Member.objects.with_user().with_engagement_count(year).order_by("user__full_name")
    return table_page(
        request,
        table_class=member_table_for(
            target=settings.engagement_target, valid_years=settings.dbs_valid_years
        ),
        queryset=rows,
        template="champions/member_list.html",
        csv_filename="members.csv",
        context={"year": year},
    )


@role_required(Role.ADMIN)
def member_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(Member.objects.with_user(), pk=pk)
    form = forms.MemberForm(request.POST or None, instance=Member.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.MEMBER_FIELDS}
        try:
            services.member_update(member=member, actor=request.user, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{member} saved")
            return redirect("champions:member_list")
    year = current_political_year()
    return render(
        request,
        "champions/member_form.html",
        {
            "form": form,
            "member": member,
            "appointments": member.appointments.with_people().order_by("-start_year"),
            "progress": progress_for(member, year),
            "year": year,
            "audit_events": AuditEvent.objects.for_object(member)[:20],
        },
    )


@role_required(Role.ADMIN)
def member_target(request: SignedInRequest, pk: int) -> HttpResponse:
    """An admin gives a member their own yearly target, with a reason, or clears it."""
    member = get_object_or_404(Member.objects.with_user(), pk=pk)
    form = forms.MemberTargetForm(
        request.POST or None,
        initial={"target": member.target_override, "reason": member.target_reason},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_target_set(
                actor=request.user,
                member=member,
                target=form.cleaned_data["target"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"{member}'s target is now {target_for(member)} a political year"
            )
            return redirect("champions:member_edit", pk=member.pk)
    return render(
        request,
        "champions/member_target.html",
        {"form": form, "member": member, "default": ChampionSettings.load().engagement_target},
    )


@role_required(Role.ADMIN)
def champion_settings(request: SignedInRequest) -> HttpResponse:
    current = ChampionSettings.load()
    form = forms.ChampionSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.champion_settings_update(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Champion settings saved")
            return redirect("champions:coverage")
    return render(request, "champions/settings.html", {"form": form})
