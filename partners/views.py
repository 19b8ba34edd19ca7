"""Partner organisation pages: the list and each organisation's page for the council's people,
a representative's own organisation for them; adding, changing and inviting for admins."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, SIGNED_IN_ROLES, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from partners import forms, services
from partners.models import PartnerOrganisation
from partners.tables import OrganisationTable


def _organisation(slug: str) -> PartnerOrganisation:
    return get_object_or_404(PartnerOrganisation, slug=slug[:60])


@role_required(*SIGNED_IN_ROLES)
def organisation_list(request: SignedInRequest) -> HttpResponse:
    rows = PartnerOrganisation.objects.annotate(representative_count=Count("representatives"))
    return table_page(
        request,
        table_class=OrganisationTable,
        queryset=rows.order_by("left_on", "name"),
        template="partners/list.html",
        csv_filename="partner-organisations.csv",
        context={"can_keep": services.can_keep(request.user)},
    )


@role_required(*EVERYONE_SIGNED_IN)
def organisation_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    if not services.can_read(request.user, organisation):
        raise PermissionDenied
    representatives = organisation.representatives.select_related("user").order_by(
        "user__full_name"
    )
    return render(
        request,
        "partners/detail.html",
        {
            "organisation": organisation,
            "representatives": list(representatives),
            "can_keep": services.can_keep(request.user),
            "is_own": request.user.is_partner,
        },
    )


@role_required(Role.ADMIN)
def organisation_create(request: SignedInRequest) -> HttpResponse:
    return _organisation_form(request, None)


@role_required(Role.ADMIN)
def organisation_edit(request: SignedInRequest, slug: str) -> HttpResponse:
    return _organisation_form(request, _organisation(slug))


def _organisation_form(
    request: SignedInRequest, organisation: PartnerOrganisation | None
) -> HttpResponse:
    initial = (
        {field: getattr(organisation, field) for field in services.FIELDS} if organisation else {}
    )
    form = forms.OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.organisation_save(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{saved.name} saved")
            return redirect(saved)
    return render(request, "partners/form.html", {"form": form, "organisation": organisation})


@role_required(Role.ADMIN)
def organisation_leave(request: SignedInRequest, slug: str) -> HttpResponse:
    """GET asks to confirm; POST records that the organisation has left, or brings it back."""
    organisation = _organisation(slug)
    if request.method == "POST":
        try:
            if organisation.has_left:
                services.organisation_rejoin(actor=request.user, organisation=organisation)
                messages.success(request, f"{organisation.name} is a partner again")
            else:
                services.organisation_leave(actor=request.user, organisation=organisation)
                messages.success(
                    request, f"{organisation.name} has left: its record and people stay"
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(organisation)
    return render(request, "partners/leave.html", {"organisation": organisation})


@role_required(Role.ADMIN)
def representative_invite(request: SignedInRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    form = forms.RepresentativeInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.representative_invite(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            person = issued.invitation.user
            messages.success(request, f"Invitation sent to {person.full_name} at {person.email}")
            return redirect(organisation)
    return render(request, "partners/invite.html", {"form": form, "organisation": organisation})
