"""A council starts from an empty database, in the browser alone: no load_demo.

The first admin signs in and sets up the second step, adds the councillors elected in May from a
CSV file, makes a champion area and appoints both councillors; an officer imports the year's KPI
figures; a councillor logs an engagement. Every page on the way is checked with axe-core at
390 px (a phone).
"""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import FilePayload, Page

from corporate_parenting.models import Role, User
from corporate_parenting.services import roles_ensure, user_create_or_update
from tests.e2e.axe import assert_accessible
from tests.second_factor import code_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ADMIN = "first.admin@council.example"
OFFICER = "kpi.officer@council.example"
COUNCILLORS = {
    "priya.ashworth@council.example": "Priya Ashworth",
    "tom.okafor@council.example": "Tom Okafor",
}
PASSWORDS = {
    ADMIN: "first-admin-long-passphrase-42",
    OFFICER: "officer-long-passphrase-77",
    "priya.ashworth@council.example": "priya-long-passphrase-19",
    "tom.okafor@council.example": "tom-long-passphrase-23",
}
MEMBERS_CSV = b"""name,email,ward,party
Priya Ashworth,priya.ashworth@council.example,Riverside,Labour
Tom Okafor,tom.okafor@council.example,Hill Top,Independent
"""


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


def upload_members(page: Page, data: bytes) -> None:
    page.get_by_label("CSV file of members").set_input_files(
        files=FilePayload(name="members.csv", mimeType="text/csv", buffer=data)
    )
    submit(page, "Import members")


def test_a_council_starts_from_an_empty_database(empty, new_page):
    base = empty
    # -- The first admin. STAND-IN until `create_admin` lands: made as the command would.
    user_create_or_update(
        email=ADMIN, full_name="Jo Whitaker", roles=[Role.ADMIN], password=PASSWORDS[ADMIN]
    )

    admin = phone(new_page)
    sign_in(admin, base, ADMIN)

    # -- The councillors elected in May, from the members CSV.
    visit(admin, f"{base}/champions/members/import/")
    # First the file as the elections office sent it: a "Wards" column. Nobody is added.
    upload_members(admin, MEMBERS_CSV.replace(b",ward,", b",Wards,"))
    assert admin.locator("#line-errors li").all_inner_texts() == [
        "Line 1: unknown column 'Wards': the columns are name, email, ward, party"
    ]
    assert not User.objects.filter(email__in=COUNCILLORS).exists()
    upload_members(admin, MEMBERS_CSV)
    assert admin.get_by_text("Added 2 members from the file").is_visible()
    for email in COUNCILLORS:
        assert User.objects.get(email=email).has_role(Role.COUNCILLOR)

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

    # -- A councillor logs an engagement. STAND-IN until invitations land: the password set
    # here as accepting the invitation would.
    priya = User.objects.get(email="priya.ashworth@council.example")
    priya.set_password(PASSWORDS[priya.email])
    priya.save()
    councillor = phone(new_page)
    sign_in(councillor, base, priya.email)
    visit(councillor, f"{base}/champions/engagements/new/")
    councillor.get_by_label("What kind of engagement was it?").select_option(label="Visit")
    councillor.get_by_label("What you did").fill("Met the virtual school head and two pupils.")
    councillor.get_by_label("Number of young people").fill("2")
    submit(councillor, "Submit engagement")
    assert councillor.get_by_text("Engagement submitted").is_visible()
    assert Group.objects.get(name=Role.COUNCILLOR).user_set.count() == 2
