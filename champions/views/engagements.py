"""Engagements: a councillor logs, changes and deletes their own; everyone signed in lists and
reads those they may see; an officer answers a follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from champions import forms, services
from champions.filters import EngagementFilter
from champions.forms.engagements import SEARCH_MAX_LENGTH, event_search_from
from champions.models import Engagement
from champions.tables import EngagementTable
from champions.views.common import member_of
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, STAFF_ROLES, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from voice.principles import principles_initial


def _form_page(request: SignedInRequest, form: forms.EngagementForm, editing: Engagement | None):
    return render(
        request,
        "champions/engagement_form.html",
        {
            "form": form,
            "editing": editing,
            "event_q": event_search_from(request.GET.get("event_q")),
            "search_max_length": SEARCH_MAX_LENGTH,
        },
    )


@role_required(Role.COUNCILLOR)
def engagement_create(request: SignedInRequest) -> HttpResponse:
    member = member_of(request)
    if member is None or not member.appointments.exists():
        return render(request, "champions/not_a_champion.html", status=200)
    initial = {}
    if request.GET.get("plan_item", "").isdigit() and len(request.GET["plan_item"]) < 10:
        initial["plan_item"] = int(request.GET["plan_item"])
    form = forms.EngagementForm(
        request.POST or None,
        member=member,
        search=event_search_from(request.GET.get("event_q")),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        submit = "save_draft" not in request.POST
        try:
            engagement = services.engagement_log(member=member, submit=submit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Engagement submitted" if submit else "Draft saved: submit it when it is complete",
            )
            return redirect(engagement)
    return _form_page(request, form, None)


def _own_engagement(request: SignedInRequest, pk: int) -> Engagement:
    return get_object_or_404(
        Engagement.objects.select_related("area", "member__user"), pk=pk, member__user=request.user
    )


@role_required(Role.COUNCILLOR)
def engagement_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    engagement = _own_engagement(request, pk)
    initial = {name: getattr(engagement, name) for name in services.ENGAGEMENT_FIELDS}
    initial["event"] = engagement.event_id
    initial["plan_item"] = engagement.plan_items.values_list("pk", flat=True).first()
    initial["themes"] = list(engagement.themes.values_list("pk", flat=True))
    initial["principles"] = principles_initial(engagement)
    form = forms.EngagementForm(
        request.POST or None,
        member=engagement.member,
        initial=initial,
        draft=engagement.is_draft,
        search=event_search_from(request.GET.get("event_q")),
    )
    if request.method == "POST" and form.is_valid():
        submit = "save_draft" not in request.POST
        try:
            services.engagement_update(engagement=engagement, submit=submit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Engagement saved")
            return redirect(engagement)
    return _form_page(request, form, engagement)


@role_required(Role.COUNCILLOR)
@require_http_methods(["GET", "POST"])
def engagement_delete(request: SignedInRequest, pk: int) -> HttpResponse:
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


@role_required(*SIGNED_IN_ROLES)
def engagement_list(request: SignedInRequest) -> HttpResponse:
    rows = Engagement.objects.visible_to(request.user).with_people()
    is_staff = request.user.is_council_staff
    filterset = EngagementFilter(request.GET or None, queryset=rows, show_member=is_staff)
    return table_page(
        request,
        table_class=EngagementTable,
        filterset=filterset,
        template="champions/engagement_list.html",
        csv_filename="engagements.csv",
        context={"is_staff": is_staff},
    )


@role_required(*SIGNED_IN_ROLES)
def engagement_detail(request: SignedInRequest, pk: int) -> HttpResponse:
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
            "plan_items": list(engagement.plan_items.all()),
            "themes": list(engagement.themes.all()),
            "principles": list(engagement.principles.all()),
        },
    )


@role_required(*STAFF_ROLES)
def engagement_respond(request: SignedInRequest, pk: int) -> HttpResponse:
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
            add_service_errors(form, error)
        else:
            messages.success(request, "Response saved")
            return redirect(engagement)
    return render(
        request, "champions/engagement_respond.html", {"form": form, "engagement": engagement}
    )
