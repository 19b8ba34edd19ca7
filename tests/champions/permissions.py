"""Who may open each champions page: anonymous, councillor, officer, admin."""

from corporate_parenting.models import User
from tests.matrix import FORBIDDEN, NOT_FOUND, OK, SIGN_IN, Row, admin_only, signed_in

COUNCILLOR_ONLY = Row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN)


def _councillors_engagement() -> dict[str, object]:
    from tests.champions.factories import EngagementFactory, MemberFactory

    member = MemberFactory(user=User.objects.get(email="councillor@example.org"))
    return {"pk": EngagementFactory(member=member).pk}


def _councillors_draft() -> dict[str, object]:
    from tests.champions.factories import EngagementFactory, MemberFactory

    member = MemberFactory(user=User.objects.get(email="councillor@example.org"))
    return {"pk": EngagementFactory(member=member, status="draft").pk}


def _follow_up_in_officers_area() -> dict[str, object]:
    from tests.champions.factories import EngagementFactory, LinkOfficerFactory

    engagement = EngagementFactory(follow_up_requested="More trips", follow_up_status="open")
    LinkOfficerFactory(area=engagement.area, officer=User.objects.get(email="officer@example.org"))
    return {"pk": engagement.pk}


def _area() -> dict[str, object]:
    from tests.champions.factories import ChampionAreaFactory

    return {"slug": ChampionAreaFactory().slug}


def _link() -> dict[str, object]:
    from tests.champions.factories import LinkOfficerFactory

    return {"pk": LinkOfficerFactory().pk}


def _appointment() -> dict[str, object]:
    from tests.champions.factories import AppointmentFactory

    return {"pk": AppointmentFactory().pk}


def _member() -> dict[str, object]:
    from tests.champions.factories import MemberFactory

    return {"pk": MemberFactory().pk}


ROWS: dict[str, Row] = {
    "champions:my_role": COUNCILLOR_ONLY,
    "champions:engagement_list": signed_in(OK),
    "champions:engagement_create": COUNCILLOR_ONLY,
    # Someone else's engagement: 404 for an officer who is not its area's link officer.
    "champions:engagement_detail": Row(SIGN_IN, OK, NOT_FOUND, OK, kwargs=_councillors_engagement),
    "champions:engagement_edit": Row(
        SIGN_IN, OK, FORBIDDEN, FORBIDDEN, kwargs=_councillors_engagement
    ),
    "champions:engagement_delete": Row(
        SIGN_IN, OK, FORBIDDEN, FORBIDDEN, kwargs=_councillors_draft
    ),
    "champions:engagement_respond": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=_follow_up_in_officers_area
    ),
    "champions:area_list": signed_in(OK),
    "champions:area_detail": Row(SIGN_IN, OK, OK, OK, kwargs=_area),
    "champions:area_create": admin_only(),
    "champions:area_edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_area),
    "champions:link_officer_add": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_area),
    "champions:link_officer_remove": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_link),
    "champions:appointment_create": admin_only(),
    "champions:appointment_end": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_appointment),
    "champions:member_list": admin_only(),
    "champions:member_edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_member),
    "champions:settings": admin_only(),
    "champions:coverage": Row(SIGN_IN, FORBIDDEN, OK, OK),
    "champions:report": signed_in(OK),
    "champions:report_pdf": signed_in(OK),
}
