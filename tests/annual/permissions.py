"""Who may open the annual report's pages. A draft is read by staff and by the members of its
body (the fixed councillor sits on the body of `_members_draft`, not on that of `_draft`); a
published report of a public body by anyone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    SIGN_IN,
    Row,
    admin_only,
    everyone,
)

if TYPE_CHECKING:
    from annual.models import AnnualReport


def _draft_report(*, with_councillor: bool = False) -> AnnualReport:
    from annual import services
    from corporate_parenting.models import User
    from tests import factories
    from tests.panels.factories import BodyFactory, MembershipFactory

    officer = User.objects.filter(email="officer@example.org").first() or factories.officer(
        email="officer@example.org"
    )
    body = BodyFactory(is_public=True)
    if with_councillor:
        MembershipFactory(body=body, user=User.objects.get(email="councillor@example.org"))
    return services.annual_report_start(actor=officer, body=body, start_year=2025)


def _draft() -> dict[str, object]:
    return {"pk": _draft_report().pk}


def _draft_pdf() -> dict[str, object]:
    return {"pk": _draft_report().pk, "edition": "full"}


def _members_draft() -> dict[str, object]:
    return {"pk": _draft_report(with_councillor=True).pk}


def _published_report() -> AnnualReport:
    import datetime

    from annual import services
    from panels import services as panel_services
    from panels.models import DecisionStatus

    report = _draft_report()
    meeting = panel_services.meeting_create(
        actor=None, body=report.body, date=datetime.date(2025, 6, 4), start_time=datetime.time(18)
    )
    panel_services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    officer = report.started_by
    services.annual_report_approve(
        actor=officer,
        report=report,
        meeting=meeting,
        decision_status=DecisionStatus.objects.get(name="Recommendations Approved"),
    )
    return services.annual_report_publish(actor=officer, report=report)


def _published() -> dict[str, object]:
    return {"pk": _published_report().pk}


def _public_body() -> dict[str, object]:
    return {"slug": _published_report().body.slug}


ROWS: dict[str, Row] = {
    "annual:list": Row(SIGN_IN, OK, OK, OK, partner=OK),
    "annual:settings": admin_only(),
    "annual:start": Row(SIGN_IN, FORBIDDEN, OK, OK),
    "annual:detail": Row(SIGN_IN, OK, OK, OK, kwargs=_members_draft, partner=NOT_FOUND),
    "annual:write": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_draft),
    "annual:history": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_draft),
    "annual:approve": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=_draft),
    "annual:publish": Row(SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=_draft),
    # A draft of a body the councillor does not sit on: not found for them and the public.
    "annual:young": Row(NOT_FOUND, NOT_FOUND, OK, OK, kwargs=_draft),
    "annual:document": Row(NOT_FOUND, NOT_FOUND, OK, OK, kwargs=_draft_pdf),
    # Not made yet: staff are sent to the PDF's page to ask for it.
    "annual:download": Row(NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT, kwargs=_draft_pdf),
    "annual:public_list": everyone(OK),
    "annual:public_detail": everyone(OK, kwargs=_published),
    "annual:feed_rss": everyone(OK, kwargs=_public_body),
    "annual:feed_atom": everyone(OK, kwargs=_public_body),
}
