"""Partner organisation pages: the list and each organisation's page for the council's people,
a representative's own organisation for them; adding, changing and inviting for admins."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.inputs import year_from
from corporate_parenting.models import EVERYONE_SIGNED_IN, SIGNED_IN_ROLES, STAFF_ROLES, Role
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from corporate_parenting.uploads import upload_response
from corporate_parenting.years import PoliticalYear, current_political_year, political_year_starting
from offer.forms import OfferEntryForm
from offer.models import OfferEntry
from partners import forms, services
from partners.models import (
    PROPOSAL_FIELDS,
    SELF_ASSESSMENT_QUESTIONS,
    OfferProposal,
    PartnerOrganisation,
    Pledge,
    ProgressUpdate,
    SelfAssessment,
)
from partners.tables import OrganisationTable, PledgeFilter, PledgeTable, ProposalTable


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
    year = current_political_year()
    pledges = (
        Pledge.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .with_status()
        .order_by("-year", "due_on", "pk")
    )
    return render(
        request,
        "partners/detail.html",
        {
            "organisation": organisation,
            "representatives": list(representatives),
            "pledges": list(pledges),
            "year": year,
            "offer_entries": list(organisation.offer_entries.order_by("title")),
            "proposals": list(organisation.offer_proposals.order_by("-created_at")[:10])
            if services.can_write_for(request.user, organisation)
            else [],
            "this_year_assessment": SelfAssessment.objects.filter(
                organisation=organisation, year=year.start_year
            ).first(),
            "can_write": services.can_write_for(request.user, organisation)
            and not organisation.has_left,
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


# ---------------------------------------------------------------- pledges


def _pledge_for(request: SignedInRequest, pk: int) -> Pledge:
    """The pledge with its status, if this person may read it (404 otherwise)."""
    rows = (
        Pledge.objects.visible_to(request.user)
        .with_status()
        .select_related("organisation", "principle", "made_by")
    )
    return get_object_or_404(rows, pk=pk)


def _writable(request: SignedInRequest, organisation: PartnerOrganisation) -> None:
    if not services.can_write_for(request.user, organisation):
        raise PermissionDenied


@role_required(*SIGNED_IN_ROLES)
def pledge_list(request: SignedInRequest) -> HttpResponse:
    """Every partner's pledges with their status, for the Board."""
    rows = (
        Pledge.objects.visible_to(request.user)
        .made()
        .with_status()
        .select_related("organisation")
        .order_by("due_on", "organisation__name", "pk")
    )
    filterset = PledgeFilter(request.GET or None, queryset=rows)
    return table_page(
        request,
        table_class=PledgeTable,
        filterset=filterset,
        template="partners/pledge_list.html",
        csv_filename="partner-pledges.csv",
    )


@role_required(*EVERYONE_SIGNED_IN)
def pledge_create(request: SignedInRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    _writable(request, organisation)
    return _pledge_form(request, organisation, None)


@role_required(*EVERYONE_SIGNED_IN)
def pledge_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    pledge = _pledge_for(request, pk)
    _writable(request, pledge.organisation)
    return _pledge_form(request, pledge.organisation, pledge)


def _pledge_form(
    request: SignedInRequest, organisation: PartnerOrganisation, pledge: Pledge | None
) -> HttpResponse:
    initial: dict[str, object] = (
        {field: getattr(pledge, field) for field in services.PLEDGE_FIELDS}
        if pledge
        else {"year": current_political_year().start_year}
    )
    form = forms.PledgeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.pledge_save(
                actor=request.user, organisation=organisation, pledge=pledge, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Pledge saved"
                if saved.is_made
                else "Pledge saved as a draft: make it when it "
                "is ready for the Board and the public",
            )
            return redirect(saved)
    return render(
        request,
        "partners/pledge_form.html",
        {"form": form, "organisation": organisation, "pledge": pledge},
    )


@role_required(*EVERYONE_SIGNED_IN)
def pledge_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    pledge = _pledge_for(request, pk)
    return render(
        request,
        "partners/pledge_detail.html",
        {
            "pledge": pledge,
            "updates": list(pledge.updates.select_related("reported_by")),
            "can_write": services.can_write_for(request.user, pledge.organisation)
            and not pledge.organisation.has_left,
            "is_own": request.user.is_partner,
        },
    )


@role_required(*EVERYONE_SIGNED_IN)
def pledge_make(request: SignedInRequest, pk: int) -> HttpResponse:
    """POST only; refused (403) to whoever may not write the organisation's pledges."""
    pledge = _pledge_for(request, pk)
    _writable(request, pledge.organisation)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.pledge_make(actor=request.user, pledge=pledge)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Pledge made: the Board and the public can now read it")
    return redirect(pledge)


@role_required(*EVERYONE_SIGNED_IN)
def pledge_done(request: SignedInRequest, pk: int) -> HttpResponse:
    """POST only; refused (403) to whoever may not write the organisation's pledges."""
    pledge = _pledge_for(request, pk)
    _writable(request, pledge.organisation)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.pledge_done(actor=request.user, pledge=pledge)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Pledge marked as done")
    return redirect(pledge)


@role_required(*EVERYONE_SIGNED_IN)
def progress_report(request: SignedInRequest, pk: int) -> HttpResponse:
    pledge = _pledge_for(request, pk)
    _writable(request, pledge.organisation)
    form = forms.ProgressForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report(actor=request.user, pledge=pledge, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Progress reported")
            return redirect(pledge)
    return render(request, "partners/progress_form.html", {"form": form, "pledge": pledge})


def evidence(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file: for the council's people and the organisation's own representatives,
    never the public (sent to sign in)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("pledge__organisation").exclude(file=""), pk=pk
    )
    organisation = update.pledge.organisation
    if not request.user.is_council_person and not services.can_write_for(
        request.user, organisation
    ):
        raise PermissionDenied
    if not update.pledge.is_made and not services.can_write_for(request.user, organisation):
        raise Http404
    try:
        handle = update.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return upload_response(handle, update.file_name or "evidence.pdf")


# ---------------------------------------------------------------- public


def public_list(request: HttpRequest) -> HttpResponse:
    """No sign-in: the council's partners and what each has pledged."""
    organisations = PartnerOrganisation.objects.public().annotate(
        pledge_count=Count("pledges", filter=Q(pledges__made_at__isnull=False))
    )
    return render(
        request,
        "partners/public_list.html",
        {
            "current": [o for o in organisations if not o.has_left],
            "former": [o for o in organisations if o.has_left],
        },
    )


def public_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """No sign-in: a partner's made pledges and the progress it reported (words, figures and
    links; never its evidence files, its contact or who reported)."""
    organisation = get_object_or_404(PartnerOrganisation.objects.public(), slug=slug[:60])
    pledges = (
        Pledge.objects.public()
        .filter(organisation=organisation)
        .with_status()
        .select_related("principle")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=ProgressUpdate.objects.only(
                    "pledge_id", "reported_on", "summary", "figure", "link", "at_risk"
                ),
            )
        )
        .order_by("-year", "due_on", "pk")
    )
    return render(
        request,
        "partners/public_detail.html",
        {"organisation": organisation, "pledges": list(pledges)},
    )


# ---------------------------------------------------------------- self-assessments


def _year_of(request: HttpRequest, value: object) -> PoliticalYear:
    current = current_political_year()
    try:
        start = year_from(value, current.start_year)
    except ValueError:
        raise Http404 from None
    if not current.start_year - 10 <= start <= current.start_year + 1:
        raise Http404
    return political_year_starting(start)


@role_required(*EVERYONE_SIGNED_IN)
def self_assessment(request: SignedInRequest, slug: str, year: int) -> HttpResponse:
    """The organisation's self-assessment for a year: its representatives (and the council's
    staff) write it; the council's people read it once sent to the Board."""
    organisation = _organisation(slug)
    political_year = _year_of(request, year)
    assessment = SelfAssessment.objects.filter(
        organisation=organisation, year=political_year.start_year
    ).first()
    writable = services.can_write_for(request.user, organisation) and not organisation.has_left
    if not writable:
        if not services.can_read(request.user, organisation):
            raise PermissionDenied
        if assessment is None or not assessment.is_complete:
            raise Http404
    initial = (
        {field: getattr(assessment, field) for field in services.ANSWER_FIELDS}
        if assessment
        else {}
    )
    form = forms.SelfAssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not writable:
            raise PermissionDenied
        if form.is_valid():
            complete = "complete" in request.POST
            try:
                saved = services.self_assessment_save(
                    actor=request.user,
                    organisation=organisation,
                    year=political_year.start_year,
                    complete=complete,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    "Self-assessment sent to the Board"
                    if complete and saved.is_complete
                    else "Self-assessment saved",
                )
                return redirect(saved)
    return render(
        request,
        "partners/self_assessment.html",
        {
            "organisation": organisation,
            "year": political_year,
            "assessment": assessment,
            "form": form if writable else None,
            "questions": SELF_ASSESSMENT_QUESTIONS,
        },
    )


def _compiled(year: PoliticalYear) -> dict[str, object]:
    assessments = list(
        SelfAssessment.objects.filter(year=year.start_year, completed_at__isnull=False)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    done = {a.organisation_id for a in assessments}
    waiting = [
        o for o in PartnerOrganisation.objects.current().order_by("name") if o.pk not in done
    ]
    return {
        "year": year,
        "assessments": assessments,
        "waiting": waiting,
        "questions": SELF_ASSESSMENT_QUESTIONS,
        "previous_year": year.previous(),
        "next_year": year.next() if year.next().start <= timezone.localdate() else None,
    }


@role_required(*SIGNED_IN_ROLES)
def self_assessments(request: SignedInRequest) -> HttpResponse:
    """Every partner's self-assessment for the year, compiled for the Board."""
    year = _year_of(request, request.GET.get("year"))
    return render(request, "partners/self_assessments.html", _compiled(year))


@role_required(*SIGNED_IN_ROLES)
def self_assessments_pdf(request: SignedInRequest) -> HttpResponse:
    year = _year_of(request, request.GET.get("year"))
    return pdf_response(
        "partners/self_assessments_pdf.html",
        {
            **_compiled(year),
            "title": f"Partners' corporate parenting self-assessments {year.label}",
        },
        filename=f"partner-self-assessments-{year.start_year}.pdf",
    )


# ---------------------------------------------------------------- the care leaver offer


@role_required(*EVERYONE_SIGNED_IN)
def proposal_create(request: SignedInRequest, slug: str) -> HttpResponse:
    """A partner proposes an offer entry it provides (?entry= for a change to one)."""
    organisation = _organisation(slug)
    _writable(request, organisation)
    entry = None
    if request.GET.get("entry"):
        try:
            entry_pk = int(str(request.GET["entry"])[:10])
        except ValueError:
            raise Http404 from None
        entry = get_object_or_404(OfferEntry, pk=entry_pk, provider=organisation)
    initial = (
        {field: getattr(entry, field) for field in PROPOSAL_FIELDS}
        if entry
        else {"age_from": 16, "age_to": 25}
    )
    form = forms.ProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_create(
                actor=request.user, organisation=organisation, entry=entry, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Sent to the offer editor: you will see here when it is decided"
            )
            return redirect(organisation)
    return render(
        request,
        "partners/proposal_form.html",
        {"form": form, "organisation": organisation, "entry": entry},
    )


@role_required(*STAFF_ROLES)
def proposal_list(request: SignedInRequest) -> HttpResponse:
    rows = OfferProposal.objects.select_related("organisation", "entry").order_by(
        "-created_at", "-pk"
    )
    return table_page(
        request,
        table_class=ProposalTable,
        queryset=rows,
        template="partners/proposal_list.html",
        csv_filename="offer-proposals.csv",
    )


def _proposal_for(request: SignedInRequest, pk: int) -> OfferProposal:
    proposal = get_object_or_404(
        OfferProposal.objects.select_related("organisation", "entry", "category", "proposed_by"),
        pk=pk,
    )
    if not services.can_decide_proposals(request.user) and not services.can_write_for(
        request.user, proposal.organisation
    ):
        raise PermissionDenied
    return proposal


@role_required(*EVERYONE_SIGNED_IN)
def proposal_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    proposal = _proposal_for(request, pk)
    return render(
        request,
        "partners/proposal_detail.html",
        {"proposal": proposal, "can_decide": services.can_decide_proposals(request.user)},
    )


@role_required(*STAFF_ROLES)
def proposal_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    """The offer's own entry form, started from the proposal: the editor finishes what only
    the council knows (the care leaver statuses, the legal basis, the owner) and saves."""
    proposal = _proposal_for(request, pk)
    if not proposal.is_waiting:
        messages.error(request, "This proposal has already been decided")
        return redirect(proposal)
    form = OfferEntryForm(request.POST or None, initial=services.proposal_entry_initial(proposal))
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in OfferEntryForm.Meta.fields}
        try:
            entry = services.proposal_approve(actor=request.user, proposal=proposal, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Approved: ‘{entry.title}’ is in the offer")
            return redirect(proposal)
    return render(request, "partners/proposal_approve.html", {"form": form, "proposal": proposal})


@role_required(*STAFF_ROLES)
def proposal_decline(request: SignedInRequest, pk: int) -> HttpResponse:
    proposal = _proposal_for(request, pk)
    if not proposal.is_waiting:
        messages.error(request, "This proposal has already been decided")
        return redirect(proposal)
    form = forms.DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_decline(
                actor=request.user, proposal=proposal, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Declined: the partner can read why")
            return redirect(proposal)
    return render(request, "partners/proposal_decline.html", {"form": form, "proposal": proposal})
