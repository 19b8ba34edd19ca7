"""Champion pages. Thin: a scoped queryset, a form, one service call, a message, a redirect."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from champions import forms, services
from champions.filters import EngagementFilter
from champions.models import (
    Appointment,
    ChampionArea,
    ChampionSettings,
    Engagement,
    LinkOfficer,
    Member,
)
from champions.progress import progress_for, progress_from_count
from champions.report import annual_report
from champions.tables import EngagementTable, member_table_for
from corporate_parenting.models import AuditEvent, Role
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from corporate_parenting.years import (
    PoliticalYear,
    current_political_year,
    political_year_starting,
)

SIGNED_IN = (Role.COUNCILLOR, Role.OFFICER, Role.ADMIN)
STAFF = (Role.OFFICER, Role.ADMIN)


def _member_of(request: HttpRequest) -> Member | None:
    return Member.objects.filter(user=request.user).first()


def _year_from(request: HttpRequest) -> PoliticalYear:
    """?year=2024 for the political year starting in 2024; the current one otherwise."""
    current = current_political_year()
    try:
        start = int(request.GET.get("year", ""))
    except ValueError:
        return current
    if not current.start_year - 20 <= start <= current.start_year:
        return current
    return political_year_starting(start)


# Councillors -------------------------------------------------------------------------------


@role_required(Role.COUNCILLOR)
def my_role(request: HttpRequest) -> HttpResponse:
    year = current_political_year()
    member = _member_of(request)
    context: dict[str, object] = {"year": year, "member": member}
    if member is not None:
        areas = list(ChampionArea.objects.championed_by(member, year))
        context.update(
            areas=areas,
            link_officers=LinkOfficer.objects.for_areas(areas).with_people(),
            progress=progress_for(member, year),
            engagements=member.engagements.in_year(year).select_related("area")[:10],
            drafts=member.engagements.drafts().select_related("area")[:10],
            settings=ChampionSettings.load(),
            today=timezone.localdate(),
        )
    return render(request, "champions/my_role.html", context)


@role_required(Role.COUNCILLOR)
def engagement_create(request: HttpRequest) -> HttpResponse:
    member = _member_of(request)
    if member is None or not member.appointments.exists():
        return render(request, "champions/not_a_champion.html", status=200)
    form = forms.EngagementForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        submit = "save_draft" not in request.POST
        try:
            engagement = services.engagement_log(member=member, submit=submit, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Engagement submitted" if submit else "Draft saved: submit it when it is complete",
            )
            return redirect(engagement)
    return render(request, "champions/engagement_form.html", {"form": form, "editing": None})


def _own_engagement(request: HttpRequest, pk: int) -> Engagement:
    return get_object_or_404(
        Engagement.objects.select_related("area", "member__user"), pk=pk, member__user=request.user
    )


@role_required(Role.COUNCILLOR)
def engagement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _own_engagement(request, pk)
    initial = {name: getattr(engagement, name) for name in services.ENGAGEMENT_FIELDS}
    form = forms.EngagementForm(
        request.POST or None, member=engagement.member, initial=initial, draft=engagement.is_draft
    )
    if request.method == "POST" and form.is_valid():
        submit = "save_draft" not in request.POST
        try:
            services.engagement_update(engagement=engagement, submit=submit, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, "Engagement saved")
            return redirect(engagement)
    return render(request, "champions/engagement_form.html", {"form": form, "editing": engagement})


@role_required(Role.COUNCILLOR)
@require_http_methods(["GET", "POST"])
def engagement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """A councillor deletes one of their own drafts; submitted engagements stay."""
    engagement = _own_engagement(request, pk)
    if not engagement.is_draft:
        raise Http404("Only a draft can be deleted")
    if request.method == "POST":
        services.engagement_delete_draft(engagement=engagement)
        messages.success(request, "Draft deleted")
        return redirect("champions:my_role")
    return render(
        request,
        "champions/confirm.html",
        {
            "title": f"Delete this draft: {engagement.get_kind_display()}, {engagement.date:%-d %B %Y}?",
            "button": "Delete draft",
            "back": engagement.get_absolute_url(),
            "note": "Only you can see a draft. Deleting it cannot be undone.",
        },
    )


# Everyone signed in ------------------------------------------------------------------------


@role_required(*SIGNED_IN)
def engagement_list(request: HttpRequest) -> HttpResponse:
    rows = Engagement.objects.visible_to(request.user).with_people()
    is_staff = request.user.has_role(*STAFF)
    filterset = EngagementFilter(request.GET or None, queryset=rows, show_member=is_staff)
    return table_page(
        request,
        table_class=EngagementTable,
        filterset=filterset,
        template="champions/engagement_list.html",
        csv_filename="engagements.csv",
        context={"is_staff": is_staff},
    )


@role_required(*SIGNED_IN)
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_object_or_404(
        Engagement.objects.visible_to(request.user).select_related(
            "area", "member__user", "responded_by", "event"
        ),
        pk=pk,
    )
    can_respond = Engagement.objects.respondable_by(request.user).filter(pk=pk).exists()
    return render(
        request,
        "champions/engagement_detail.html",
        {
            "engagement": engagement,
            "is_owner": engagement.member.user_id == request.user.pk,
            "can_respond": can_respond,
        },
    )


@role_required(*STAFF)
def engagement_respond(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_object_or_404(
        Engagement.objects.respondable_by(request.user).select_related("area", "member__user"),
        pk=pk,
    )
    form = forms.RespondForm(
        request.POST or None,
        initial={
            "follow_up_response": engagement.follow_up_response,
            "follow_up_status": engagement.follow_up_status,
            "show_in_you_said_we_did": engagement.show_in_you_said_we_did,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.engagement_respond(
                engagement=engagement,
                officer=request.user,
                response=form.cleaned_data["follow_up_response"],
                follow_up_status=form.cleaned_data["follow_up_status"],
                show_in_you_said_we_did=form.cleaned_data["show_in_you_said_we_did"],
            )
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, "Response saved")
            return redirect(engagement)
    return render(
        request, "champions/engagement_respond.html", {"form": form, "engagement": engagement}
    )


@role_required(*SIGNED_IN)
def area_list(request: HttpRequest) -> HttpResponse:
    year = current_political_year()
    areas = (
        ChampionArea.objects.with_champion_count(year).with_open_follow_up_count().order_by("name")
    )
    return render(request, "champions/area_list.html", {"areas": areas, "year": year})


@role_required(*SIGNED_IN)
def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ChampionArea, slug=slug)
    year = current_political_year()
    timeline = (
        area.engagements.submitted().in_year(year).select_related("member__user").order_by("-date")
    )
    is_admin = request.user.has_role(Role.ADMIN)
    return render(
        request,
        "champions/area_detail.html",
        {
            "area": area,
            "year": year,
            "appointments": area.appointments.in_year(year).with_people(),
            "link_officers": area.link_officers.with_people(),
            "timeline": timeline[:20],
            "timeline_count": timeline.count(),
            "open_follow_ups": area.engagements.open_follow_ups()
            .select_related("member__user")
            .order_by("date")[:20],
            "is_admin": is_admin,
            "audit_events": AuditEvent.objects.for_object(area)[:20] if is_admin else None,
        },
    )


# Admins ------------------------------------------------------------------------------------


@role_required(Role.ADMIN)
def area_create(request: HttpRequest) -> HttpResponse:
    form = forms.AreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            area = services.area_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, f"Area {area} added")
            return redirect(area)
    return render(request, "champions/area_form.html", {"form": form, "area": None})


@role_required(Role.ADMIN)
def area_edit(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ChampionArea, slug=slug)
    form = forms.AreaForm(
        request.POST or None,
        initial={f: getattr(area, f) for f in services.AREA_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.area_update(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, "Area saved")
            return redirect(area)
    return render(request, "champions/area_form.html", {"form": form, "area": area})


@role_required(Role.ADMIN)
def link_officer_add(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ChampionArea, slug=slug)
    form = forms.LinkOfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_officer_add(actor=request.user, area=area, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, f"Link officer added to {area}")
            return redirect(area)
    return render(request, "champions/link_officer_form.html", {"form": form, "area": area})


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def link_officer_remove(request: HttpRequest, pk: int) -> HttpResponse:
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
def appointment_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("area"):
        initial["area"] = ChampionArea.objects.filter(slug=request.GET["area"]).first()
    form = forms.AppointmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.appointment_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
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
def appointment_end(request: HttpRequest, pk: int) -> HttpResponse:
    appointment = get_object_or_404(Appointment.objects.with_people(), pk=pk)
    area = appointment.area
    if request.method == "POST":
        services.appointment_end(actor=request.user, appointment=appointment)
        messages.success(request, f"{appointment.member} is no longer a champion for {area}")
        return redirect(area)
    label = political_year_starting(appointment.start_year).label
    return render(
        request,
        "champions/confirm.html",
        {
            "title": f"End {appointment.member}'s appointment to {area} for {label}?",
            "button": "End appointment",
            "back": area.get_absolute_url(),
        },
    )


@role_required(Role.ADMIN)
def member_list(request: HttpRequest) -> HttpResponse:
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
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(Member.objects.with_user(), pk=pk)
    form = forms.MemberForm(request.POST or None, instance=Member.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(member=member, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
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
def champion_settings(request: HttpRequest) -> HttpResponse:
    current = ChampionSettings.load()
    form = forms.ChampionSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.champion_settings_update(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, "Champion settings saved")
            return redirect("champions:coverage")
    return render(request, "champions/settings.html", {"form": form})


@role_required(*STAFF)
def coverage(request: HttpRequest) -> HttpResponse:
    year = _year_from(request)
    settings = ChampionSettings.load()
    areas = (
        ChampionArea.objects.with_champion_count(year)
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=Appointment.objects.in_year(year).with_people(),
                to_attr="this_year",
            )
        )
        .order_by("name")
    )
    members = list(
        Member.objects.with_user()
        .with_engagement_count(year)
        .with_is_champion(year)
        .order_by("user__full_name")
    )
    engaged = [m for m in members if m.engagement_count]
    champions = [m for m in members if m.is_champion]
    for member in members:
        member.progress = progress_from_count(member.engagement_count, settings.engagement_target)
    totals = (
        Engagement.objects.submitted()
        .in_year(year)
        .aggregate(engagements=Count("pk"), young_people=Sum("young_people_count"))
    )
    return render(
        request,
        "champions/coverage.html",
        {
            "year": year,
            "previous_year": year.previous(),
            "next_year": year.next() if year.next().start <= timezone.localdate() else None,
            "areas": areas,
            "vacant": [a for a in areas if not a.champion_count],
            "members": members,
            "not_engaged": [m for m in champions if not m.engagement_count],
            "engaged_count": len(engaged),
            "member_count": len(members),
            "champion_count": len(champions),
            "met_count": sum(1 for m in champions if m.progress.met),
            "totals": totals,
            "settings": settings,
        },
    )


@role_required(*SIGNED_IN)
def report(request: HttpRequest) -> HttpResponse:
    year = _year_from(request)
    return render(
        request,
        "champions/report.html",
        {
            "report": annual_report(year, author=request.user),
            "year": year,
            "previous_year": year.previous(),
            "next_year": year.next() if year.next().start <= timezone.localdate() else None,
        },
    )


@role_required(*SIGNED_IN)
def report_pdf(request: HttpRequest) -> HttpResponse:
    year = _year_from(request)
    data = annual_report(year, author=request.user)
    return pdf_response(
        "champions/pdf/report.html",
        {"report": data, "title": data.title},
        filename=f"champion-report-{year.start_year}.pdf",
    )
