"""Who may open the partner organisation pages. The fixed partner representative
(partner@example.org) speaks for "northfield-nhs"; another organisation's page is refused
them (tests/partners/test_organisations.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    OK,
    SIGN_IN,
    Row,
    admin_only,
    everyone,
    signed_in,
)

if TYPE_CHECKING:
    from partners.models import Pledge

NORTHFIELD: dict[str, object] = {"slug": "northfield-nhs"}


def _own() -> dict[str, object]:
    from tests import factories

    factories.partner_rep(email="partner@example.org")
    return NORTHFIELD


ROWS: dict[str, Row] = {
    "partners:list": signed_in(OK),
    "partners:create": admin_only(),
    "partners:detail": Row(SIGN_IN, OK, OK, OK, kwargs=_own, partner=OK),
    "partners:edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_own),
    "partners:leave": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_own),
    "partners:invite": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_own),
}


def _pledge(**extra: Any) -> Pledge:
    from django.utils import timezone

    from partners.models import PartnerOrganisation, Pledge
    from tests import factories
    from voice.models import Principle

    factories.partner_rep(email="partner@example.org")
    today = timezone.localdate()
    return Pledge.objects.create(
        organisation=PartnerOrganisation.objects.get(slug="northfield-nhs"),
        year=today.year,
        what="Free prescriptions for care leavers up to 25",
        for_whom="care_leavers",
        how_shown="How many care leavers hold an exemption certificate",
        due_on=today,
        principle=Principle.objects.get(letter="a"),
        made_at=timezone.now(),
        **extra,
    )


def _made() -> dict[str, object]:
    return {"pk": _pledge().pk}


def _evidence() -> dict[str, object]:
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from partners.models import ProgressUpdate

    update = ProgressUpdate(
        pledge=_pledge(),
        reported_on=timezone.localdate(),
        summary="38 registered",
        file_name="e.pdf",
    )
    update.file.save("evidence.pdf", ContentFile(b"%PDF-1.4 evidence"), save=True)
    return {"pk": update.pk}


# The organisation's representatives and the council's staff write its pledges.
WRITERS = Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_made, partner=OK)
WRITERS_POST_ONLY = Row(
    SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=_made, partner=NOT_ALLOWED
)

ROWS.update(
    {
        "partners:pledge_list": signed_in(OK),
        "partners:pledge_detail": Row(SIGN_IN, OK, OK, OK, kwargs=_made, partner=OK),
        "partners:pledge_edit": WRITERS,
        "partners:pledge_make": WRITERS_POST_ONLY,
        "partners:pledge_done": WRITERS_POST_ONLY,
        "partners:progress_report": WRITERS,
        "partners:pledge_create": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_own, partner=OK),
        "partners:evidence": Row(FORBIDDEN, OK, OK, OK, kwargs=_evidence, partner=OK),
    }
)

ROWS.update(
    {
        "partners:public_list": everyone(OK),
        "partners:public_detail": everyone(OK, kwargs=_own),
    }
)


def _sent() -> dict[str, object]:
    from django.utils import timezone

    from corporate_parenting.years import current_political_year
    from partners.models import PartnerOrganisation, SelfAssessment
    from tests import factories

    factories.partner_rep(email="partner@example.org")
    year = current_political_year().start_year
    SelfAssessment.objects.create(
        organisation=PartnerOrganisation.objects.get(slug="northfield-nhs"),
        year=year,
        staying_alert="We read the council's data each quarter",
        completed_at=timezone.now(),
    )
    return {"slug": "northfield-nhs", "year": year}


ROWS.update(
    {
        # Councillors read it once sent; the organisation and the staff write it.
        "partners:self_assessment": Row(SIGN_IN, OK, OK, OK, kwargs=_sent, partner=OK),
        "partners:self_assessments": signed_in(OK),
        "partners:self_assessments_pdf": signed_in(OK),
    }
)


def _proposal() -> dict[str, object]:
    from offer.models import OfferCategory
    from partners.models import OfferProposal, PartnerOrganisation
    from tests import factories

    factories.partner_rep(email="partner@example.org")
    proposal = OfferProposal.objects.create(
        organisation=PartnerOrganisation.objects.get(slug="northfield-nhs"),
        category=OfferCategory.objects.order_by("order").first() or _category(),
        title="Free prescriptions",
        summary="You do not pay for prescriptions until you are 25.",
    )
    return {"pk": proposal.pk}


def _category() -> Any:
    from tests.offer.factories import OfferCategoryFactory

    return OfferCategoryFactory()


ROWS.update(
    {
        "partners:proposal_create": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_own, partner=OK),
        # The offer's editors (the council's staff) decide; the partner reads its own.
        "partners:proposal_list": Row(SIGN_IN, FORBIDDEN, OK, OK),
        "partners:proposal_detail": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_proposal, partner=OK),
        "partners:proposal_approve": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_proposal),
        "partners:proposal_decline": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_proposal),
    }
)
