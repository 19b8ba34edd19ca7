"""People pages for admins, the invitation link anyone may open, and each person's account page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from corporate_parenting.duties import duty_grant, duty_revoke
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import (
    SIGNED_IN_ROLES,
    AuditEvent,
    DutyKind,
    Invitation,
    Role,
    User,
    name_to_address,
)
from corporate_parenting.people import forms, services
from corporate_parenting.people.querysets import (
    Status,
    people,
    person_status,
    role_labels,
)
from corporate_parenting.people.tables import PeopleFilter, PeopleTable
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from events.models import FeedToken


def _person(pk: int) -> User:
    return get_object_or_404(people(), pk=pk)


@role_required(Role.ADMIN)
def person_list(request: SignedInRequest) -> HttpResponse:
    filterset = PeopleFilter(request.GET or None, queryset=people().order_by("full_name", "pk"))
    return table_page(
        request,
        table_class=PeopleTable,
        filterset=filterset,
        template="people/list.html",
        csv_filename="people.csv",
    )


@role_required(Role.ADMIN)
def invite(request: SignedInRequest) -> HttpResponse:
    form = forms.InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.invitation_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            person = issued.invitation.user
            messages.success(request, f"Invitation sent to {person.full_name} at {person.email}")
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/invite.html", {"form": form, "days": services.invitation_days()})


@role_required(Role.ADMIN)
def person_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    invitation = Invitation.objects.filter(user=person).first()
    status = person_status(person)
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "status": status,
            "status_tag_class": Status.tag_class(status),
            "Status": Status,
            "roles": role_labels(person),
            "duties": list(person.duties.all()),
            "invitation": invitation,
            "can_invite_again": services.can_be_invited_again(person),
            "is_self": person.pk == request.user.pk,
            "audit_events": AuditEvent.objects.for_object(person)[:50],
        },
    )


@role_required(Role.ADMIN)
def person_roles(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    current = [group.name for group in person.groups.all()]
    form = forms.RolesForm(
        request.POST or None, initial={"roles": current}, partner=Role.PARTNER in current
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_roles_set(
                actor=request.user, user=person, roles=form.cleaned_data["roles"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{person.full_name}'s roles saved")
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/roles.html", {"person": person, "form": form})


def _known_as_form(request: SignedInRequest, person: User) -> forms.KnownAsForm:
    return forms.KnownAsForm(
        request.POST or None,
        initial={"known_as": person.known_as},
        default_name=name_to_address(person.full_name),
    )


@role_required(Role.ADMIN)
def person_name(request: SignedInRequest, pk: int) -> HttpResponse:
    """The name e-mails greet this person by."""
    person = _person(pk)
    form = _known_as_form(request, person)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_known_as_set(
                actor=request.user, user=person, known_as=form.cleaned_data["known_as"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"E-mails to {person.full_name} now say Hello {person.address_name}"
            )
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/name.html", {"person": person, "form": form, "own": False})


@role_required(Role.ADMIN)
def person_duties(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    form = forms.DutyGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            duty = duty_grant(actor=request.user, user=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"{person.full_name} is now {duty.get_kind_display().lower()}"
            )
            return redirect("people:duties", pk=person.pk)
    return render(
        request,
        "people/duties.html",
        {"person": person, "duties": list(person.duties.all()), "form": form},
    )


@role_required(Role.ADMIN)
@require_POST
def person_duty_revoke(request: SignedInRequest, pk: int, kind: str) -> HttpResponse:
    person = _person(pk)
    if kind not in DutyKind.values:
        raise Http404("No such duty")
    duty_revoke(actor=request.user, user=person, kind=kind)
    messages.success(
        request, f"{person.full_name} no longer has the duty {DutyKind(kind).label.lower()}"
    )
    return redirect("people:duties", pk=person.pk)


@role_required(Role.ADMIN)
def person_deactivate(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    form = forms.DeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_deactivate(actor=request.user, user=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{person.full_name}'s account is closed")
            return redirect("people:detail", pk=person.pk)
    return render(
        request,
        "people/deactivate.html",
        {"person": person, "form": form, "is_self": person.pk == request.user.pk},
    )


@role_required(Role.ADMIN)
def person_reactivate(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    form = forms.ReactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_reactivate(actor=request.user, user=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{person.full_name}'s account is open again")
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/reactivate.html", {"person": person, "form": form})


@role_required(Role.ADMIN)
@require_POST
def invitation_resend(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    try:
        services.invitation_resend(actor=request.user, user=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"A new invitation was sent to {person.email}; the old link no longer works"
        )
    return redirect("people:detail", pk=person.pk)


@role_required(Role.ADMIN)
@require_POST
def invitation_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    try:
        services.invitation_cancel(actor=request.user, user=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"The invitation to {person.full_name} is cancelled: its link no longer works"
        )
    return redirect("people:detail", pk=person.pk)


@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone holding the link may set the password. A link that does not work says why in
    general terms, and never whose it was."""
    invitation, state = services.invitation_find(token)
    if state != services.InvitationState.OPEN or invitation is None:
        status = 404 if state == services.InvitationState.INVALID else 410
        return render(request, "people/invitation_closed.html", {"state": state}, status=status)
    if request.user.is_authenticated:
        return render(request, "people/invitation_signed_in.html", status=409)
    person = invitation.user
    form = forms.InvitationAcceptForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(token=token, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Your password is set. Sign in with your e-mail address and new password."
            )
            return redirect("login")
    return render(
        request,
        "people/invitation_accept.html",
        {"form": form, "person": person, "invitation": invitation},
    )


@login_required
def account_name(request: SignedInRequest) -> HttpResponse:
    """The name e-mails greet the signed-in person by: theirs to choose."""
    person = request.user
    form = _known_as_form(request, person)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_known_as_set(
                actor=request.user, user=person, known_as=form.cleaned_data["known_as"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"E-mails to you now say Hello {person.address_name}")
            return redirect("people:account")
    return render(request, "people/name.html", {"person": person, "form": form, "own": True})


@login_required
def account(request: SignedInRequest) -> HttpResponse:
    """The signed-in person's own details, roles and duties, with links to what they can change."""
    user = request.user
    return render(
        request,
        "people/account.html",
        {
            "roles": role_labels(user),
            "duties": list(user.duties.all()),
            "has_feed": FeedToken.objects.filter(person=user).exists(),
            "can_have_feed": user.has_role(*SIGNED_IN_ROLES),
        },
    )
