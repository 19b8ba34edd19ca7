"""The people pages as an admin uses them, the invitation link as its holder does, the account
page, and the records a deactivated councillor leaves behind, still with their name."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.duties import duty_grant, has_duty
from corporate_parenting.models import AuditEvent, DutyKind, Invitation, Role, User
from corporate_parenting.people import services
from corporate_parenting.people.querysets import Status
from tests import factories

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-for-tests"


@pytest.fixture
def admin_client(client_for):
    return client_for("admin")


def invite_form(**extra):
    data = {
        "full_name": "Nia Officer",
        "email": "nia@example.org",
        "roles": [Role.OFFICER],
        "duties": [DutyKind.CLERK, DutyKind.KPI_OWNER],
        "job_title": "Democratic Services Officer",
    }
    data.update(extra)
    return data


def test_admin_invites_and_the_person_page_shows_the_invitation(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("people:invite"), invite_form())
    person = User.objects.get(email="nia@example.org")
    assert response.status_code == 302
    assert response.url == reverse("people:detail", kwargs={"pk": person.pk})
    assert len(mail.outbox) == 1
    page = admin_client.get(response.url).content.decode()
    assert "Invited" in page and "Clerk to a body" in page and "Send a new invitation" in page


def test_an_address_in_use_is_shown_on_the_email_field_keeping_what_was_typed(
    admin_client, councillor
):
    response = admin_client.post(
        reverse("people:invite"), invite_form(email="Councillor@example.org")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["email"]
    page = response.content.decode()
    assert 'value="Nia Officer"' in page
    assert "govuk-error-summary" in page
    assert not mail.outbox


def test_hostile_invitation_input_is_an_error_not_a_500(admin_client):
    for data in (
        invite_form(email="x" * 300 + "@example.org"),
        invite_form(full_name="Bad\x00Name"),
        invite_form(roles=["mayor"]),
        invite_form(duties=["mayor"]),
        invite_form(roles=[]),
        {"email": ["a@example.org", "b@example.org"], "roles": "admin"},
    ):
        response = admin_client.post(reverse("people:invite"), data)
        assert response.status_code == 200, data
    assert not User.objects.filter(full_name__startswith="Bad").exists()


def test_the_list_filters_and_exports(admin_client, portal_admin):
    factories.councillor(full_name="Ruth Hollis", email="ruth@example.org")
    gone = factories.councillor(full_name="Gone Member", email="gone@example.org")
    services.person_deactivate(actor=portal_admin, user=gone, reason="Term ended")
    url = reverse("people:list")
    page = admin_client.get(url, {"role": "councillor", "active": "yes"}).content.decode()
    assert "Ruth Hollis" in page and "Gone Member" not in page
    page = admin_client.get(url, {"active": "no"}).content.decode()
    assert "Gone Member" in page and "Ruth Hollis" not in page and "Deactivated" in page
    page = admin_client.get(url, {"q": "hollis"}).content.decode()
    assert "Ruth Hollis" in page and "Gone Member" not in page
    response = admin_client.get(url, {"export": "csv"})
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Ruth Hollis" in text and "Gone Member" in text and "Deactivated" in text
    for hostile in ({"role": "mayor"}, {"q": "x" * 5000}, {"page": "-1"}, {"per_page": "0"}):
        assert admin_client.get(url, hostile).status_code == 200


def test_the_list_keeps_a_fixed_number_of_queries(admin_client, django_assert_max_num_queries):
    for n in range(3):
        factories.officer(full_name=f"Officer {n}")
    with django_assert_max_num_queries(20) as small:
        admin_client.get(reverse("people:list"))
    for n in range(20):
        duty_grant(
            actor=User.objects.get(email="admin@example.org"),
            user=factories.councillor(full_name=f"Councillor {n}"),
            kind=DutyKind.LINK_OFFICER,
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        admin_client.get(reverse("people:list"))


def test_roles_page_changes_roles_and_refuses_self_demotion(admin_client, portal_admin):
    person = factories.councillor()
    response = admin_client.post(
        reverse("people:roles", kwargs={"pk": person.pk}), {"roles": ["officer", "councillor"]}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).roles == {Role.OFFICER, Role.COUNCILLOR}
    response = admin_client.post(
        reverse("people:roles", kwargs={"pk": portal_admin.pk}), {"roles": ["officer"]}
    )
    assert response.status_code == 200
    assert "your own admin role" in response.content.decode()
    assert User.objects.get(pk=portal_admin.pk).is_portal_admin


def test_duties_page_grants_and_removes(admin_client):
    person = factories.officer()
    url = reverse("people:duties", kwargs={"pk": person.pk})
    response = admin_client.post(url, {"kind": "report_sponsor", "job_title": "Director"})
    assert response.status_code == 302
    assert has_duty(User.objects.get(pk=person.pk), DutyKind.REPORT_SPONSOR)
    assert "Director" in admin_client.get(url).content.decode()
    revoke = reverse("people:duty_revoke", kwargs={"pk": person.pk, "kind": "report_sponsor"})
    assert admin_client.post(revoke).status_code == 302
    assert not has_duty(User.objects.get(pk=person.pk), DutyKind.REPORT_SPONSOR)
    bad = reverse("people:duty_revoke", kwargs={"pk": person.pk, "kind": "mayor"})
    assert admin_client.post(bad).status_code == 404
    assert admin_client.post(url, {"kind": "mayor"}).status_code == 200


def test_deactivate_page_records_reason_and_refuses_self(admin_client, portal_admin):
    person = factories.councillor()
    url = reverse("people:deactivate", kwargs={"pk": person.pk})
    response = admin_client.post(url, {"reason": "", "ended_on": "2026-13-45"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"reason", "ended_on"}
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = admin_client.post(url, {"reason": "Term ended", "ended_on": tomorrow})
    assert list(response.context["form"].errors) == ["ended_on"]
    assert User.objects.get(pk=person.pk).is_active
    today = timezone.localdate().isoformat()
    response = admin_client.post(url, {"reason": "Term ended", "ended_on": today})
    assert response.status_code == 302
    assert not User.objects.get(pk=person.pk).is_active
    event = AuditEvent.objects.get(action="deactivated")
    assert (event.note, event.actor) == ("Term ended", portal_admin)
    own = reverse("people:deactivate", kwargs={"pk": portal_admin.pk})
    response = admin_client.post(own, {"reason": "Bye", "ended_on": today})
    assert response.status_code == 200
    assert "your own account" in response.content.decode()
    assert User.objects.get(pk=portal_admin.pk).is_active
    reactivate = reverse("people:reactivate", kwargs={"pk": person.pk})
    assert admin_client.post(reactivate, {"reason": "Re-elected"}).status_code == 302
    assert User.objects.get(pk=person.pk).is_active


def test_resend_and_cancel_buttons(admin_client, portal_admin, django_capture_on_commit_callbacks):
    issued = services.invitation_create(
        actor=portal_admin, email="nia@example.org", full_name="Nia", roles=[Role.OFFICER]
    )
    person = issued.invitation.user
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("people:invitation_resend", kwargs={"pk": person.pk}))
    assert response.status_code == 302 and len(mail.outbox) == 1
    assert services.invitation_find(issued.token)[1] == services.InvitationState.INVALID
    response = admin_client.post(reverse("people:invitation_cancel", kwargs={"pk": person.pk}))
    assert response.status_code == 302
    assert not Invitation.objects.open().exists()
    # Cancelling twice is a message, not an error page.
    response = admin_client.post(
        reverse("people:invitation_cancel", kwargs={"pk": person.pk}), follow=True
    )
    assert "no invitation waiting" in response.content.decode()


def test_the_link_sets_the_password_once(client, portal_admin):
    issued = services.invitation_create(
        actor=portal_admin, email="nia@example.org", full_name="Nia Okoro", roles=[Role.OFFICER]
    )
    path = services.invitation_path(issued.token)
    page = client.get(path)
    assert page.status_code == 200 and "Nia Okoro" in page.content.decode()
    weak = client.post(path, {"new_password1": "password", "new_password2": "password"})
    assert weak.status_code == 200 and weak.context["form"].errors
    assert not User.objects.get(email="nia@example.org").is_active
    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == reverse("login")
    used = client.get(path)
    assert used.status_code == 410 and "has been used" in used.content.decode()
    again = client.post(path, {"new_password1": "x-other-long-pass-9", "new_password2": "x"})
    assert again.status_code == 410
    assert User.objects.get(email="nia@example.org").check_password(NEW_PASSWORD)


def test_expired_and_unknown_links_say_so_without_naming_anyone(client, portal_admin):
    issued = services.invitation_create(
        actor=portal_admin, email="nia@example.org", full_name="Nia Okoro", roles=[Role.OFFICER]
    )
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = client.get(services.invitation_path(issued.token))
    assert expired.status_code == 410
    assert "has expired" in expired.content.decode()
    assert "Nia" not in expired.content.decode() and "nia@" not in expired.content.decode()
    for token in ("nonsense", "x" * 500, "%00"):
        response = client.get(f"/invitation/{token}/")
        assert response.status_code == 404
        assert "does not work" in response.content.decode()


def test_account_page_shows_details_roles_duties_and_links(client_for, officer, portal_admin):
    duty_grant(actor=portal_admin, user=officer, kind=DutyKind.OFFER_REVIEW_LEAD, job_title="Lead")
    page = client_for("officer").get(reverse("people:account")).content.decode()
    for text in (officer.full_name, officer.email, "Officer", "Offer review lead (Lead)"):
        assert text in page
    for url in (
        reverse("password_change"),
        reverse("events:feed"),
        reverse("reminders:preferences"),
        reverse("two_factor_setup"),
    ):
        assert f'href="{url}"' in page


def test_the_home_card_and_the_account_page_show_the_same_details(client_for, councillor):
    home = client_for("councillor").get("/").content.decode()
    account = client_for("councillor").get(reverse("people:account")).content.decode()
    for page in (home, account):
        assert councillor.full_name in page and councillor.email in page
    # The home card gives the main role; the account page every role, and the duties.
    assert '<dt class="govuk-summary-list__key">Role</dt>' in home
    assert "Duties" not in home
    assert '<dt class="govuk-summary-list__key">Roles</dt>' in account
    assert '<dt class="govuk-summary-list__key">Duties</dt>' in account
    for page in (home, account):
        assert '<dd class="govuk-summary-list__value">Councillor</dd>' in page


@pytest.mark.parametrize(
    ("status", "colour"),
    [
        (Status.ACTIVE, "govuk-tag--green"),
        (Status.INVITED, "govuk-tag--blue"),
        (Status.DEACTIVATED, "govuk-tag--grey"),
        (Status.NO_PASSWORD, "govuk-tag--yellow"),
        (Status.NOT_ACCEPTED, "govuk-tag--yellow"),
    ],
)
def test_each_account_status_has_its_tag_colour(status, colour):
    assert Status.tag_class(status) == colour


def test_the_person_page_tags_the_status_in_its_colour(
    admin_client, portal_admin, django_capture_on_commit_callbacks
):
    own = admin_client.get(reverse("people:detail", kwargs={"pk": portal_admin.pk})).text
    assert '<strong class="govuk-tag govuk-tag--green">Active</strong>' in own
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("people:invite"), invite_form())
    invited = admin_client.get(response.url).text
    assert '<strong class="govuk-tag govuk-tag--blue">Invited</strong>' in invited


def test_navigation_offers_people_to_admins_and_the_account_to_everyone(client_for):
    assert reverse("people:list") in client_for("admin").get("/").content.decode()
    councillor_home = client_for("councillor").get("/").content.decode()
    assert reverse("people:list") not in councillor_home
    assert f'href="{reverse("people:account")}"' in councillor_home


# A deactivated councillor's record keeps their name --------------------------------------------


def test_deactivated_peoples_records_still_show_their_names(admin_client, portal_admin):
    from champions.models import Engagement
    from panels.models import Attendance, AttendanceKind
    from panels.reports.models import Report
    from tests.champions.factories import AppointmentFactory, EngagementFactory, MemberFactory
    from tests.panels.factories import AgendaItemFactory, MeetingFactory

    councillor = factories.councillor(full_name="Councillor Wendy Leaving")
    member = MemberFactory(user=councillor)
    appointment = AppointmentFactory(member=member)
    engagement = EngagementFactory(member=member, area=appointment.area)
    meeting = MeetingFactory(date=timezone.localdate() - timedelta(days=7))
    Attendance.objects.create(
        meeting=meeting, user=councillor, kind=AttendanceKind.PRESENT, name=councillor.full_name
    )

    item = AgendaItemFactory(meeting=meeting, title="Housing")
    author = factories.officer(full_name="Officer Owen Leaving")
    report = Report.objects.create(
        item=item, title="Housing protocol", author=author, sponsor=portal_admin
    )

    services.person_deactivate(actor=portal_admin, user=councillor, reason="Term ended")
    services.person_deactivate(actor=portal_admin, user=author, reason="Left the council")
    assert User.objects.filter(pk=councillor.pk, is_active=False).exists()
    assert Engagement.objects.filter(pk=engagement.pk).exists()

    for url in (
        reverse("champions:engagement_list"),
        reverse("champions:engagement_detail", kwargs={"pk": engagement.pk}),
        reverse("champions:area_detail", kwargs={"slug": appointment.area.slug}),
        reverse("panels:meeting_detail", kwargs={"pk": meeting.pk}),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "Wendy Leaving" in response.content.decode(), url
    response = admin_client.get(reverse("panels:report_detail", kwargs={"pk": report.pk}))
    assert response.status_code == 200
    assert "Owen Leaving" in response.content.decode()


def test_a_persons_duties_show_on_their_page_and_their_account_page(
    admin_client, client_for, officer, portal_admin
):
    duty_grant(
        actor=portal_admin, user=officer, kind=DutyKind.REPORT_AUTHOR, job_title="Head of Service"
    )
    wanted = "<li>Report author (Head of Service)</li>"
    assert wanted in admin_client.get(reverse("people:detail", args=[officer.pk])).text
    assert wanted in client_for("officer").get("/account/").text
