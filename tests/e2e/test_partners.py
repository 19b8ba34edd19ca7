"""Partners in a browser on a phone: an admin invites a college's representative, who sets a
password and a second factor, writes and makes a pledge, reports progress with a PDF and proposes
an offer entry that the offer editor approves; the Board's coming meeting carries the trust's
late pledge; the public page shows the college's pledge. Every page is checked with axe."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from offer.models import OfferEntry
from panels.models import Body, Meeting
from tests.documents import blank_pdf
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in
from tests.panels.factories import MeetingFactory
from tests.second_factor import code_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-for-the-college"


def test_a_partner_is_invited_pledges_reports_and_proposes_an_offer_entry(demo, new_page, tmp_path):
    admin = new_page("phone")
    sign_in(admin, demo, "admin")
    admin.goto(f"{demo}/partners/")
    assert_accessible(admin)
    admin.get_by_role("link", name="Eastbrook College").click()
    assert_accessible(admin)
    admin.get_by_role("button", name="Invite a representative").click()
    assert_accessible(admin)
    admin.get_by_label("Full name").fill("Lee Grant")
    admin.get_by_label("E-mail address").fill("lee.grant@eastbrook.example.ac.uk")
    admin.get_by_label("Job title (optional)").fill("Head of Student Support")
    admin.get_by_role("button", name="Send the invitation").click()
    assert admin.get_by_text("Invitation sent to Lee Grant").is_visible()
    assert_accessible(admin)

    [message] = [m for m in mail.outbox if m.to == ["lee.grant@eastbrook.example.ac.uk"]]
    path = re.search(r"/invitation/[^/\s]+/", str(message.body)).group(0)  # type: ignore[union-attr]
    rep = new_page("phone")
    rep.goto(f"{demo}{path}")
    rep.get_by_label("New password", exact=True).fill(PASSWORD)
    rep.get_by_label("New password confirmation").fill(PASSWORD)
    rep.get_by_role("button", name="Set my password").click()
    rep.wait_for_url(f"{demo}/sign-in/")
    rep.get_by_label("E-mail address").fill("lee.grant@eastbrook.example.ac.uk")
    rep.get_by_label("Password").fill(PASSWORD)
    rep.get_by_role("button", name="Sign in").click()
    # A partner representative sets up the second step, as staff do.
    rep.wait_for_url(re.compile(rf"{demo}/two-factor/set-up/"))
    assert_accessible(rep)
    device = TOTPDevice.objects.get(
        user__email="lee.grant@eastbrook.example.ac.uk", confirmed=False
    )
    rep.get_by_label("Security code").fill(code_now(device))
    rep.get_by_role("button", name="Continue").click()
    rep.wait_for_url(re.compile(rf"{demo}/two-factor/backup-codes/"))
    rep.get_by_role("button", name="Continue").click()
    rep.wait_for_url(f"{demo}/")
    assert_accessible(rep)

    # Their organisation, from the home page; a pledge written, refused once, then made.
    rep.get_by_role("link", name="Eastbrook College").click()
    assert_accessible(rep)
    rep.get_by_role("button", name="Write a pledge").click()
    assert_accessible(rep)
    rep.get_by_label("What you will do").fill(
        "A bursary of £1,000 for every care leaver who enrols"
    )
    rep.get_by_label("Care leavers", exact=True).check()
    rep.get_by_label("From age (optional)").fill("19")
    rep.get_by_label("To age (optional)").fill("16")
    rep.get_by_label("How you will show your progress").fill("Bursaries paid each term")
    rep.get_by_label("Done by").fill(
        (timezone.localdate() + datetime.timedelta(days=120)).isoformat()
    )
    rep.get_by_label("(c)", exact=False).first.check()
    rep.get_by_role("button", name="Save the pledge").click()
    assert rep.title().startswith("Error:")
    assert rep.get_by_label("What you will do").input_value().startswith("A bursary")
    assert_accessible(rep)
    rep.get_by_label("To age (optional)").fill("25")
    rep.get_by_role("button", name="Save the pledge").click()
    assert rep.get_by_text("Pledge saved as a draft").is_visible()
    assert_accessible(rep)
    rep.get_by_role("button", name="Make this pledge").click()
    assert rep.get_by_text("Pledge made").is_visible()
    rep.get_by_role("button", name="Report progress").click()
    assert_accessible(rep)
    rep.get_by_label("Progress made").fill("Twelve bursaries paid this term")
    rep.get_by_label("A figure (optional)").fill("12 paid")
    evidence = tmp_path / "Autumn term.pdf"
    evidence.write_bytes(blank_pdf())
    rep.get_by_label("A file (optional)").set_input_files(str(evidence))
    rep.get_by_role("button", name="Report progress").click()
    assert rep.get_by_text("Progress reported").is_visible()
    assert rep.get_by_role("link", name="Evidence: Autumn-term.pdf").is_visible()
    assert_accessible(rep)

    # An offer entry the college provides, proposed to the offer editor.
    rep.get_by_role("link", name="Back to Eastbrook College").click()
    rep.get_by_role("button", name="Propose an entry").click()
    assert_accessible(rep)
    rep.get_by_label("Category").select_option(index=1)
    rep.get_by_label("Title").fill("A college bursary")
    rep.get_by_label("Summary").fill("If you enrol at Eastbrook College you get £1,000 a year.")
    rep.get_by_label("How to get it (optional)").fill("Ask student support when you enrol.")
    rep.get_by_role("button", name="Send it to the offer editor").click()
    assert rep.get_by_text("Sent to the offer editor").is_visible()
    assert_accessible(rep)

    officer = new_page("phone")
    sign_in(officer, demo, "officer")
    officer.goto(f"{demo}/offer/manage/")
    officer.get_by_role("link", name=re.compile(r"Entries proposed by partners")).click()
    assert_accessible(officer)
    officer.get_by_role("link", name="A college bursary").click()
    assert_accessible(officer)
    officer.get_by_role("button", name="Approve and finish the entry").click()
    assert officer.get_by_label("Title").input_value() == "A college bursary"
    assert_accessible(officer)
    officer.locator("#id_for_former_relevant").check()
    officer.locator("input[name=status][value=published]").check()
    officer.get_by_role("button", name="Save entry").click()
    assert officer.get_by_text("Approved: ‘A college bursary’ is in the offer").is_visible()
    assert_accessible(officer)
    entry = OfferEntry.objects.get(title="A college bursary")
    assert entry.provider is not None and entry.provider.slug == "eastbrook-college"

    # The Board's coming meeting carries the trust's late pledge as a standing item.
    board = Body.objects.get(slug="corporate-parenting-panel")
    today = timezone.localdate()
    meeting = Meeting.objects.filter(body=board, date__gte=today).order_by("date").first()
    if meeting is None:
        meeting = MeetingFactory(body=board, date=today + datetime.timedelta(days=14))
    officer.goto(f"{demo}{meeting.get_absolute_url()}")
    assert officer.get_by_role(
        "heading", name="Standing item: partners' pledges that are late"
    ).is_visible()
    assert officer.get_by_text("Initial health assessments within 20 working days").is_visible()
    assert_accessible(officer)

    # Anyone reads the college's pledge and its progress, not its evidence file.
    public = new_page("phone")
    public.goto(f"{demo}/partners/public/")
    assert_accessible(public)
    public.get_by_role("link", name="Eastbrook College").click()
    assert public.get_by_text("A bursary of £1,000 for every care leaver who enrols").is_visible()
    assert public.get_by_text("Twelve bursaries paid this term").is_visible()
    assert public.get_by_text("Autumn-term.pdf").count() == 0
    assert_accessible(public)
    public.goto(f"{demo}/offer/help/{entry.slug}/")
    assert public.get_by_role("link", name="Eastbrook College").is_visible()
    assert_accessible(public)
