"""Officers' duties as data: who holds one, who may grant it, and what deactivation hides."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from corporate_parenting.duties import duty_grant, duty_revoke, has_duty, people_with_duty
from corporate_parenting.models import AuditEvent, Duty, DutyKind
from tests import factories

pytestmark = pytest.mark.django_db


def test_people_with_duty_lists_active_holders_by_name(portal_admin):
    zoe = factories.officer(full_name="Zoe Adams")
    amir = factories.officer(full_name="Amir Bell")
    gone = factories.officer(full_name="Carl Gone", is_active=False)
    factories.officer(full_name="No Duty")
    for person in (zoe, amir, gone):
        duty_grant(actor=portal_admin, user=person, kind=DutyKind.REPORT_SPONSOR)
    duty_grant(actor=portal_admin, user=zoe, kind=DutyKind.CLERK)

    assert list(people_with_duty(DutyKind.REPORT_SPONSOR)) == [amir, zoe]
    assert list(people_with_duty(DutyKind.CLERK)) == [zoe]
    assert list(people_with_duty(DutyKind.KPI_OWNER)) == []


def test_has_duty_is_false_for_anonymous_and_deactivated_people(portal_admin):
    officer = factories.officer()
    duty_grant(actor=portal_admin, user=officer, kind=DutyKind.OFFER_REVIEW_LEAD)
    assert has_duty(officer, DutyKind.OFFER_REVIEW_LEAD)
    assert not has_duty(officer, DutyKind.CLERK)
    assert not has_duty(AnonymousUser(), DutyKind.OFFER_REVIEW_LEAD)
    assert not has_duty(None, DutyKind.OFFER_REVIEW_LEAD)
    officer.is_active = False
    assert not has_duty(officer, DutyKind.OFFER_REVIEW_LEAD)


def test_grant_is_once_per_kind_and_updates_the_job_title(portal_admin):
    officer = factories.officer()
    duty_grant(actor=portal_admin, user=officer, kind=DutyKind.REPORT_SPONSOR, job_title="Head")
    duty_grant(
        actor=portal_admin,
        user=officer,
        kind=DutyKind.REPORT_SPONSOR,
        job_title="Director of Children's Services",
    )
    duty = Duty.objects.get(user=officer)
    assert duty.job_title == "Director of Children's Services"
    actions = list(AuditEvent.objects.for_object(officer).values_list("action", flat=True))
    assert sorted(actions) == ["duty changed", "duty granted"]


def test_revoke_takes_the_duty_away_and_is_recorded(portal_admin):
    officer = factories.officer()
    duty_grant(actor=portal_admin, user=officer, kind=DutyKind.KPI_OWNER)
    assert has_duty(officer, DutyKind.KPI_OWNER)
    duty_revoke(actor=portal_admin, user=officer, kind=DutyKind.KPI_OWNER)
    assert not has_duty(officer, DutyKind.KPI_OWNER)
    assert not Duty.objects.exists()
    assert AuditEvent.objects.filter(action="duty revoked").count() == 1


def test_only_admins_grant_or_revoke(officer):
    other = factories.officer()
    with pytest.raises(PermissionDenied):
        duty_grant(actor=officer, user=other, kind=DutyKind.CLERK)
    with pytest.raises(PermissionDenied):
        duty_revoke(actor=officer, user=other, kind=DutyKind.CLERK)
    with pytest.raises(PermissionDenied):
        duty_grant(actor=None, user=other, kind=DutyKind.CLERK)
    assert not Duty.objects.exists()


def test_an_unknown_duty_is_an_error_on_the_kind(portal_admin):
    with pytest.raises(ValidationError) as error:
        duty_grant(actor=portal_admin, user=factories.officer(), kind="mayor")
    assert "kind" in error.value.message_dict
