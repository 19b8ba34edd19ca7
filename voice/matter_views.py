"""The Children in Care Council's matters ("you asked"): the list (filters, pages, CSV), a
matter's page, entering and changing one (council staff), recording the response (the owner or
staff) and showing an answered one publicly (staff). Members and officers read them all."""

from __future__ import annotations

import django_tables2 as tables
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, STAFF_ROLES, AuditEvent
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import PortalTable, row_link, table_page
from voice import matter_services as services
from voice.matter_forms import MatterFilter, MatterForm, ResponseForm
from voice.matters import STATE_TAG, Matter, MatterState


def short_date(value: object) -> str:
    return f"{value.day} {value:%b %Y}"  # type: ignore[attr-defined]  # a date


class MatterTable(PortalTable):
    title = tables.Column(verbose_name="Matter", linkify=row_link("voice:matter_detail"))
    raised_by = tables.Column(verbose_name="Raised by")
    raised_on = tables.Column(verbose_name="Raised")
    board = tables.Column(verbose_name="For")
    owner = tables.Column(verbose_name="Owner")
    due_on = tables.Column(verbose_name="Due")
    state_now = tables.Column(verbose_name="State")

    class Meta:
        model = Matter
        fields = ("title", "raised_by", "raised_on", "board", "owner", "due_on", "state_now")
        orderable = False
        empty_text = "No matters match. Matters the Children in Care Council raises appear here."

    def render_raised_on(self, value: object) -> str:
        return short_date(value)

    def render_due_on(self, value: object) -> str:
        return short_date(value)

    def render_state_now(self, value: str) -> str:
        return format_html(
            '<strong class="govuk-tag {}">{}</strong>',
            STATE_TAG[MatterState(value)],
            MatterState(value).label,
        )

    def value_state_now(self, value: str) -> str:
        return MatterState(value).label


@role_required(*SIGNED_IN_ROLES)
def matter_list(request: SignedInRequest) -> HttpResponse:
    filterset = MatterFilter(
        request.GET or None,
        queryset=Matter.objects.visible_to(request.user).for_list(),
        request=request,
    )
    return table_page(
        request,
        table_class=MatterTable,
        filterset=filterset,
        template="voice/matter_list.html",
        csv_filename="children-in-care-council-matters.csv",
        context={"can_enter": services.can_enter(request.user)},
    )


def _matter(request: SignedInRequest, pk: int) -> Matter:
    return get_object_or_404(
        Matter.objects.visible_to(request.user)
        .with_state()
        .select_related("raised_by", "board", "owner", "answered_by", "shown_publicly_by"),
        pk=pk,
    )


@role_required(*SIGNED_IN_ROLES)
def matter_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    matter = _matter(request, pk)
    return render(
        request,
        "voice/matter_detail.html",
        {
            "matter": matter,
            "themes": list(matter.themes.all()),
            "can_enter": services.can_enter(request.user),
            "can_respond": services.can_respond(request.user, matter),
            "audit_events": AuditEvent.objects.for_object(matter)[:30]
            if services.can_enter(request.user)
            else None,
        },
    )


def _form_values(form: MatterForm) -> dict[str, object]:
    return {name: form.cleaned_data[name] for name in (*services.MATTER_FIELDS, "themes")}


@role_required(*STAFF_ROLES)
def matter_create(request: SignedInRequest) -> HttpResponse:
    form = MatterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            matter = services.matter_save(actor=request.user, matter=None, **_form_values(form))  # type: ignore[arg-type]  # the form's cleaned values, typed object
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Matter ‘{matter.title}’ recorded")
            return redirect(matter)
    return render(
        request, "voice/matter_form.html", {"form": form, "heading": "Record a matter raised"}
    )


@role_required(*STAFF_ROLES)
def matter_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    matter = _matter(request, pk)
    initial = {name: getattr(matter, name) for name in services.MATTER_FIELDS}
    initial["themes"] = list(matter.themes.all())
    form = MatterForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            matter = services.matter_save(actor=request.user, matter=matter, **_form_values(form))  # type: ignore[arg-type]  # as above
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Matter saved")
            return redirect(matter)
    return render(
        request,
        "voice/matter_form.html",
        {"form": form, "heading": f"Change ‘{matter.title}’", "matter": matter},
    )


@role_required(*SIGNED_IN_ROLES)
def matter_respond(request: SignedInRequest, pk: int) -> HttpResponse:
    matter = _matter(request, pk)
    if not services.can_respond(request.user, matter):
        raise PermissionDenied
    form = ResponseForm(
        request.POST if request.method == "POST" else None, initial={"response": matter.response}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.matter_respond(
                actor=request.user, matter=matter, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Response recorded: the matter is answered")
            return redirect(matter)
    return render(request, "voice/matter_respond.html", {"form": form, "matter": matter})


@role_required(*STAFF_ROLES)
@require_POST
def matter_show_publicly(request: SignedInRequest, pk: int) -> HttpResponse:
    matter = _matter(request, pk)
    shown = request.POST.get("shown") == "yes"
    try:
        services.matter_show_publicly(actor=request.user, matter=matter, shown=shown)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            "Shown publicly in ‘You said, we did’"
            if shown
            else "No longer shown publicly in ‘You said, we did’",
        )
    return redirect(matter)
