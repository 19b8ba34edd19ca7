"""A council starts from an empty database, in the browser alone: no load_demo.

`create_admin` prints a link; the first admin sets a password with it, signs in and sets up the
second step; uploads the council's logo; invites an officer; adds the councillors elected in May
from a CSV file with an invitation each; the officer accepts, is given the KPI owner duty and
imports the year's KPI figures (a file with a misspelt column is refused first); the admin picks
a national measure to add; the admin makes a champion area and appoints both councillors; a
councillor accepts their invitation and logs an engagement; the reminders greet her by her
name. Every page on the way is checked with axe-core at 390 px (a phone).
"""

import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from playwright.sync_api import FilePayload, Page

from champions.models import Member
from corporate_parenting.models import DutyKind, Role, User
from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.planning import plan_all
from corporate_parenting.services import roles_ensure
from offer.models import Indicator, Measurement
from tests.e2e.axe import assert_accessible
from tests.second_factor import code_now

# About twenty pages, each axe-checked: longer than the single-page journeys' five minutes
# allows on a busy machine.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(600),
]

ADMIN = "first.admin@council.example"
OFFICER = "kpi.officer@council.example"
PRIYA = "priya.ashworth@council.example"
COUNCILLORS = {PRIYA: "Priya Ashworth", "tom.okafor@council.example": "Tom Okafor"}
PASSWORDS = {
    ADMIN: "first-admin-long-passphrase-42",
    OFFICER: "officer-long-passphrase-77",
    PRIYA: "priya-long-passphrase-19",
}
MEMBERS_CSV = b"""name,email,ward,party
Priya Ashworth,priya.ashworth@council.example,Riverside,Labour
Tom Okafor,tom.okafor@council.example,Hill Top,Independent
"""
FIGURES_CSV = b"""code,period,value
CL-EET,2024,55
CL-EET,2025,61.5
"""
# The same figures as first sent, with England's column misspelt.
MISSPELT_CSV = b"""code,period,value,englnd
CL-EET,2024,55,57
"""
LINK = re.compile(r"https?://\S+/invitation/\S+")


@pytest.fixture
def empty(live_server) -> str:
    """The live server over a database with nothing in it but what the migrations make."""
    # A migrated database has the role groups (migration 0002); an earlier test's flush takes
    # them away, so they are made again here, as `migrate` would.
    roles_ensure()
    assert not User.objects.exists(), "the journey needs an empty database"
    return live_server.url


def phone(new_page) -> Page:
    page = new_page("phone")
    # A long journey on a shared CI machine: more patience than the single-page journeys.
    page.set_default_timeout(30_000)
    return page


def visit(page: Page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def submit(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert_accessible(page)


def on_this_server(base: str, link: str) -> str:
    """The link as sent (on the portal's public address), opened on the test server."""
    parts = urlsplit(link)
    return f"{base}{parts.path}"


def invitation_link(email: str) -> str:
    """The link in the last invitation e-mail sent to this address."""
    sent = [message for message in mail.outbox if message.to == [email]]
    assert sent, f"no e-mail to {email}"
    body = str(sent[-1].body)
    found = LINK.search(body)
    assert found, body
    return found.group(0)


def set_password(page: Page, base: str, link: str, email: str) -> None:
    visit(page, on_this_server(base, link))
    page.get_by_label("New password", exact=True).fill(PASSWORDS[email])
    page.get_by_label("New password confirmation").fill(PASSWORDS[email])
    submit(page, "Set my password")
    assert page.get_by_text("Your password is set").is_visible()


def sign_in(page: Page, base: str, email: str) -> None:
    """Password, then the second step for staff: set up the app the first time, else a code."""
    visit(page, f"{base}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORDS[email])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: url == f"{base}/" or "/two-factor/" in url)
    if "/two-factor/set-up/" in page.url:
        assert_accessible(page)
        device = TOTPDevice.objects.get(user__email=email, confirmed=False)
        page.get_by_label("Security code").fill(code_now(device))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url(re.compile(r"/two-factor/backup-codes/"))
        assert_accessible(page)
        page.get_by_role("button", name="Continue").click()
    elif "/two-factor/" in page.url:
        assert_accessible(page)
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        page.get_by_label("Security code").fill(code_now(device))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base}/")
    assert_accessible(page)


def upload(
    page: Page, label: str, name: str, data: bytes, button: str, mime: str = "text/csv"
) -> None:
    page.get_by_label(label).set_input_files(
        files=FilePayload(name=name, mimeType=mime, buffer=data)
    )
    submit(page, button)


def logo_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 60), (29, 79, 145)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_council_starts_from_an_empty_database(empty, new_page):
    base = empty

    # -- The first admin: made on the command line, with a link printed once.
    out = io.StringIO()
    call_command("create_admin", ADMIN, "--name", "Jo Whitaker", stdout=out)
    printed = LINK.search(out.getvalue())
    assert printed, out.getvalue()
    admin = phone(new_page)
    set_password(admin, base, printed.group(0), ADMIN)
    sign_in(admin, base, ADMIN)

    # -- The council's logo, uploaded and served from the portal itself.
    visit(admin, f"{base}/settings/")
    upload(admin, "Logo file (optional)", "logo.png", logo_png(), "Save settings", "image/png")
    logo = admin.locator("header img.portal-header__logo")
    assert (logo.get_attribute("src") or "").startswith("/site-logo?v=")
    assert logo.evaluate("image => image.complete && image.naturalWidth") == 240

    # -- An officer, invited from the people pages.
    visit(admin, f"{base}/people/invite/")
    admin.get_by_label("Full name").fill("Sam Patel")
    admin.get_by_label("E-mail address").fill(OFFICER)
    admin.get_by_role("checkbox", name="Officer", exact=True).check()
    submit(admin, "Send the invitation")
    assert admin.get_by_text(f"Invitation sent to Sam Patel at {OFFICER}").is_visible()
    officer_page_url = admin.url

    # -- The councillors elected in May, from the members CSV, each sent an invitation. The file
    # as the elections office sent it first: a "Wards" column. Nobody is added.
    visit(admin, f"{base}/champions/members/import/")
    wrong = MEMBERS_CSV.replace(b",ward,", b",Wards,")
    upload(admin, "CSV file of members", "members.csv", wrong, "Import members")
    assert admin.locator("#line-errors li").all_inner_texts() == [
        "Line 1: unknown column 'Wards': the columns are name, email, ward, party"
    ]
    assert not User.objects.filter(email__in=COUNCILLORS).exists()
    admin.get_by_label("Send each member an invitation to set a password").check()
    upload(admin, "CSV file of members", "members.csv", MEMBERS_CSV, "Import members")
    assert admin.get_by_text("Added 2 members from the file and sent 2 invitations").is_visible()
    for email in COUNCILLORS:
        assert User.objects.get(email=email).has_role(Role.COUNCILLOR)

    # -- The officer accepts, sets a password and the second step, then is made KPI owner.
    officer = phone(new_page)
    set_password(officer, base, invitation_link(OFFICER), OFFICER)
    sign_in(officer, base, OFFICER)
    visit(admin, officer_page_url)
    admin.get_by_role("link", name="Change duties").click()
    admin.wait_for_url(re.compile(r"/people/\d+/duties/$"))
    assert_accessible(admin)
    admin.get_by_role("radio", name="KPI owner").check()
    submit(admin, "Give this duty")
    assert admin.get_by_text("Sam Patel is now kpi owner").is_visible()
    assert User.objects.get(email=OFFICER).duties.filter(kind=DutyKind.KPI_OWNER).exists()

    # -- The officer's indicator, and its figures from the KPI import page.
    visit(officer, f"{base}/offer/indicators/new/")
    officer.get_by_label("Code").fill("CL-EET")
    officer.get_by_label("Name", exact=True).fill(
        "Care leavers in education, employment or training"
    )
    officer.get_by_label("Definition").fill("Care leavers aged 19 to 21 in EET on their birthday.")
    officer.get_by_role("radio", name="Percent").check()
    officer.get_by_role("radio", name="Higher is better").check()
    officer.get_by_label("Target").fill("60")
    officer.get_by_label("Tolerance").fill("5")
    officer.get_by_label("Source").fill("SSDA903 return")
    submit(officer, "Save indicator")
    assert officer.get_by_text("Saved CL-EET").is_visible()
    indicator = Indicator.objects.get(code="CL-EET")
    assert indicator.owner == User.objects.get(email=OFFICER)
    visit(officer, f"{base}/offer/kpis/import/")
    upload(officer, "CSV file of figures", "figures.csv", MISSPELT_CSV, "Import figures")
    assert officer.get_by_text("englnd").first.is_visible()
    assert officer.get_by_text("did you mean england?").first.is_visible()
    assert not Measurement.objects.exists()
    upload(officer, "CSV file of figures", "figures.csv", FIGURES_CSV, "Import figures")
    assert officer.get_by_text("Imported 2 new figures and updated 0").is_visible()
    assert Measurement.objects.filter(indicator=indicator).count() == 2

    # -- The admin picks a national measure to add: nothing else is loaded.
    visit(admin, f"{base}/offer/indicators/national/")
    national = admin.get_by_role("checkbox").first
    national.check()
    submit(admin, "Add the measures ticked")
    assert admin.get_by_text("Added 1 national measure").is_visible()
    assert Indicator.objects.count() == 2

    # -- An area, and both councillors appointed its champions.
    visit(admin, f"{base}/champions/areas/new/")
    admin.get_by_label("Name", exact=True).fill("Education")
    admin.get_by_label("Description").fill("School, college and university for children in care.")
    submit(admin, "Save area")
    assert admin.get_by_role("heading", level=1, name="Education").is_visible()
    for name in COUNCILLORS.values():
        visit(admin, f"{base}/champions/appointments/new/?area=education")
        admin.get_by_label("Councillor").select_option(label=name)
        admin.get_by_label("Area").select_option(label="Education")
        submit(admin, "Appoint champion")
        assert admin.get_by_text(f"{name} appointed champion for Education").is_visible()

    # -- A councillor accepts the invitation and logs an engagement.
    councillor = phone(new_page)
    set_password(councillor, base, invitation_link(PRIYA), PRIYA)
    sign_in(councillor, base, PRIYA)
    visit(councillor, f"{base}/champions/engagements/new/")
    councillor.get_by_label("What kind of engagement was it?").select_option(label="Visit")
    councillor.get_by_label("What you did").fill("Met the virtual school head and two pupils.")
    councillor.get_by_label("Number of young people").fill("2")
    submit(councillor, "Submit engagement")
    assert councillor.get_by_text("Engagement submitted").is_visible()

    # -- Her DBS check runs out next month: the reminder greets her by her name.
    Member.objects.filter(user__email=PRIYA).update(
        dbs_status="cleared",
        dbs_cleared_on=timezone.localdate() - timedelta(days=3 * 365 - 30),
    )
    mail.outbox.clear()
    plan_all()
    dispatch.dispatch()
    [reminder] = [m for m in mail.outbox if m.to == [PRIYA]]
    assert "\n\nHello Priya,\n" in str(reminder.body), reminder.body
