"""Importing members after an election: every good line adds a councillor and their champions
record, any bad line adds nobody, and every problem is listed by line and column."""

import contextlib
import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.member_import import (
    MAX_ROWS,
    MembersImportRefused,
    members_import,
)
from champions.models import Member
from corporate_parenting.models import AuditEvent, Invitation, Role, User
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/champions/members/import/"

GOOD = b"""name,email,ward,party
Priya Ashworth,priya.ashworth@council.example,Riverside,Labour
Tom Okafor,Tom.Okafor@Council.example,Hill Top,Conservative
Jane Doe,jane.doe@council.example,,
"""


@pytest.fixture
def actor(db):
    return factories.admin(email="admin@example.org", full_name="Jo Whitaker")


def problems(data: bytes, actor: User) -> list[tuple[int, str, str]]:
    with pytest.raises(MembersImportRefused) as caught:
        members_import(actor=actor, data=data)
    return [(e.line, e.column, e.reason) for e in caught.value.errors]


def people() -> set[str]:
    return set(User.objects.values_list("email", flat=True))


def test_good_file_adds_every_line_as_a_councillor_with_ward_and_party(actor):
    result = members_import(actor=actor, data=GOOD)
    assert len(result.created) == 3
    tom = User.objects.get(email="tom.okafor@council.example")
    assert tom.full_name == "Tom Okafor"
    assert tom.is_active and not tom.has_usable_password()
    assert tom.has_role(Role.COUNCILLOR) and not tom.has_role(Role.OFFICER, Role.ADMIN)
    assert (tom.member.ward, tom.member.party) == ("Hill Top", "Conservative")
    assert Member.objects.get(user__email="jane.doe@council.example").ward == ""
    assert AuditEvent.objects.filter(action="imported as a member", actor=actor).count() == 3


def test_reimporting_the_same_file_is_refused_line_by_line_as_already_in_use(actor):
    members_import(actor=actor, data=GOOD)
    assert problems(GOOD, actor) == [
        (2, "email", "priya.ashworth@council.example is already in use by someone in the portal"),
        (3, "email", "tom.okafor@council.example is already in use by someone in the portal"),
        (4, "email", "jane.doe@council.example is already in use by someone in the portal"),
    ]
    assert Member.objects.count() == 3


def test_an_address_already_in_use_refuses_the_whole_file(actor):
    factories.officer(email="jane.doe@council.example")
    before = people()
    assert problems(GOOD, actor) == [
        (4, "email", "jane.doe@council.example is already in use by someone in the portal")
    ]
    assert people() == before
    assert Member.objects.count() == 0


def test_a_closed_account_is_named_so_it_is_opened_again_not_added_twice(actor):
    factories.councillor(email="tom.okafor@council.example", is_active=False)
    assert problems(GOOD, actor) == [
        (
            3,
            "email",
            "tom.okafor@council.example is already in use by someone in the portal: their "
            "account is closed, open it again from their page in People",
        )
    ]


def test_bad_file_adds_nobody_and_lists_every_problem_by_line_and_column(actor):
    data = b"""name,email,ward,party
Good Person,good@council.example,North,Green
,blank.name@council.example,North,Green
Bad Email,not-an-address,North,Green
Again,GOOD@council.example,North,Green
Formula,formula@council.example,=HYPERLINK("http://x"),Green
Plus,plus@council.example,North,+44
Minus,minus@council.example,-North,Green
At,at@council.example,North,@SUM(A1)
No Email,,North,Green
"""
    before = people()
    assert problems(data, actor) == [
        (3, "name", "the name is blank"),
        (4, "email", "'not-an-address' is not a valid e-mail address"),
        (5, "email", "good@council.example is also on line 2"),
        (
            6,
            "ward",
            "starts with '=', which a spreadsheet would run as a formula: remove it",
        ),
        (
            7,
            "party",
            "starts with '+', which a spreadsheet would run as a formula: remove it",
        ),
        (
            8,
            "ward",
            "starts with '-', which a spreadsheet would run as a formula: remove it",
        ),
        (
            9,
            "party",
            "starts with '@', which a spreadsheet would run as a formula: remove it",
        ),
        (10, "email", "the e-mail address is blank"),
    ]
    assert people() == before
    assert Member.objects.count() == 0
    assert not AuditEvent.objects.filter(action="imported as a member").exists()


def test_an_unknown_ward_column_is_named(actor):
    data = b"name,email,Wards,party\nPriya,priya@council.example,Riverside,Labour\n"
    reasons = problems(data, actor)
    assert reasons == [(1, "", "unknown column 'Wards': the columns are name, email, ward, party")]
    assert Member.objects.count() == 0


def test_an_unknown_column_and_every_bad_line_are_reported_together(actor):
    # Before, the unknown column stopped the check: the admin fixed it, uploaded again, and only
    # then learnt of the bad lines.
    data = (
        b"name,email,Wards,party\n"
        b",blank.name@council.example,Riverside,Labour\n"
        b"Tom Okafor,not-an-address,Hill Top,=HYPERLINK(1)\n"
        b"Jane Doe,jane.doe@council.example,,\n"
    )
    assert problems(data, actor) == [
        (1, "", "unknown column 'Wards': the columns are name, email, ward, party"),
        (2, "name", "the name is blank"),
        (3, "party", "starts with '=', which a spreadsheet would run as a formula: remove it"),
        (3, "email", "'not-an-address' is not a valid e-mail address"),
    ]
    assert Member.objects.count() == 0


def test_a_missing_column_is_one_problem_and_the_lines_are_still_checked(actor):
    name = "N" * 151
    data = f"name,ward\nPriya,Riverside\n{name},Hill Top\n".encode()
    assert problems(data, actor) == [
        (1, "", "the header row has no email column"),
        (3, "name", "is longer than 150 characters"),
    ]
    assert problems(b"Wards\n", actor) == [
        (0, "", "the file has no members: one line per member after the header row"),
        (1, "", "unknown column 'Wards': the columns are name, email, ward, party"),
        (1, "", "the header row has no name column"),
        (1, "", "the header row has no email column"),
    ]


def test_missing_and_repeated_columns_are_reported(actor):
    assert problems(b"name,ward\nPriya,Riverside\n", actor) == [
        (1, "", "the header row has no email column")
    ]
    assert problems(b"name,email,email\nPriya,a@council.example,b@council.example\n", actor) == [
        (1, "", "the column email is named twice")
    ]
    assert problems(b"name,email,,party\nPriya,a@council.example,,\n", actor) == [
        (1, "", "column 3 has no name")
    ]


def test_excel_header_spellings_and_byte_order_mark_are_accepted(actor):
    data = "\ufeffName,E-mail address,Ward,Party\nPriya,priya@council.example,Riverside,\n"
    result = members_import(actor=actor, data=data.encode())
    assert [member.user.email for member in result.created] == ["priya@council.example"]


def test_blank_lines_are_skipped_and_extra_cells_refused(actor):
    data = b"name,email,ward,party\n\n,,,\nPriya,priya@council.example,Riverside,Labour,Extra\n"
    assert problems(data, actor) == [
        (4, "", "has 5 cells but the header names 4 columns"),
    ]


def test_too_long_values_and_control_characters_are_refused(actor):
    name = "N" * 151
    data = f"name,email,ward,party\n{name},a@council.example,Ri\x07ver,Labour\n".encode()
    assert problems(data, actor) == [
        (2, "name", "is longer than 150 characters"),
        (2, "ward", "has hidden control characters"),
    ]


def test_empty_large_long_and_non_utf8_files_are_refused(actor):
    assert problems(b"", actor) == [
        (1, "", "the file is empty: the first line must name the columns")
    ]
    assert problems(b"name,email,ward,party\n", actor) == [
        (0, "", "the file has no members: one line per member after the header row")
    ]
    too_many = "name,email\n" + "".join(
        f"Person {n},person{n}@council.example\n" for n in range(MAX_ROWS + 1)
    )
    assert problems(too_many.encode(), actor) == [
        (0, "", f"the file has more than {MAX_ROWS} members: split it")
    ]
    assert problems(b"name,email\n" + b"x" * 200_001, actor) == [
        (0, "", "the file is larger than 200 KB: split it in two")
    ]
    latin1 = "name,email\nZoë,zoe@council.example\n".encode("latin-1")
    assert problems(latin1, actor) == [(0, "", "the file is not UTF-8 text: save it as CSV UTF-8")]
    assert Member.objects.count() == 0


def test_invitations_go_with_the_import_and_only_when_everybody_is_saved(
    actor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = members_import(actor=actor, data=GOOD, invite=True)
    assert result.invited == 3
    assert sorted(message.to[0] for message in mailoutbox) == [
        "jane.doe@council.example",
        "priya.ashworth@council.example",
        "tom.okafor@council.example",
    ]
    assert "/invitation/" in mailoutbox[0].body
    assert Invitation.objects.open().count() == 3
    mailoutbox.clear()
    # A refused file invites nobody.
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(MembersImportRefused):
        members_import(
            actor=actor, data=GOOD.replace(b"jane.doe", b"new.person") + b",bad,,\n", invite=True
        )
    assert mailoutbox == []
    assert Invitation.objects.count() == 3


def test_only_an_admin_may_import(actor):
    officer = factories.officer(email="officer@example.org")
    with pytest.raises(PermissionDenied):
        members_import(actor=officer, data=GOOD)
    assert Member.objects.count() == 0


# ---------------------------------------------------------------- the page


def upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("members.csv", data, content_type="text/csv")


def test_page_lists_problems_by_line_and_adds_nobody(client_for):
    client = client_for("admin")
    before = people()
    bad = b"name,email,Wards\nPriya,priya@council.example,Riverside\n,x@council.example,North\n"
    response = client.post(URL, {"file": upload(bad)})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nobody was added: 2 problems in the file" in content
    assert "Line 1: unknown column &#x27;Wards&#x27;" in content
    assert "Line 3, name: the name is blank" in content
    assert people() == before


def test_page_sends_invitations_when_asked(
    client_for, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("admin").post(
            URL, {"file": upload(GOOD), "invite": "on"}, follow=True
        )
    assert "Added 3 members from the file and sent 3 invitations" in response.content.decode()
    assert len(mailoutbox) == 3


def test_page_adds_every_member_and_says_how_many(client_for):
    client = client_for("admin")
    response = client.post(URL, {"file": upload(GOOD)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("champions:member_list")
    assert "Added 3 members from the file" in response.content.decode()
    assert Member.objects.count() == 3
    # The same file again: refused, each line named.
    response = client.post(URL, {"file": upload(GOOD)})
    content = response.content.decode()
    assert "Nobody was added: 3 problems in the file" in content
    assert "Line 3, email: tom.okafor@council.example is already in use" in content
    assert Member.objects.count() == 3


def test_page_refuses_a_file_too_large_before_reading_it(client_for):
    response = client_for("admin").post(URL, {"file": upload(b"name,email\n" + b"x" * 200_001)})
    assert "The file is larger than 200 KB" in response.content.decode()
    assert Member.objects.count() == 0


def test_page_without_a_file_says_choose_one(client_for):
    response = client_for("admin").post(URL, {})
    assert "Choose a CSV file to import" in response.content.decode()


def test_template_csv_downloads_with_the_columns(client_for):
    response = client_for("admin").get(URL, {"download": "template"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["name", "email", "ward", "party"]
    # The template itself imports.
    admin = User.objects.get(email="admin@example.org")
    assert len(members_import(actor=admin, data=response.content).created) == 1


@pytest.mark.parametrize("role", ["anonymous", "councillor", "officer"])
def test_other_roles_cannot_import_by_post(client_for, role):
    before = people()
    response = client_for(role).post(URL, {"file": upload(GOOD)})
    assert response.status_code in (302, 403)
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == 403
    assert people() == before
    assert Member.objects.count() == 0


# ---------------------------------------------------------------- fuzz

cells = st.one_of(
    st.sampled_from(
        [
            "Priya Ashworth",
            "a@council.example",
            "b@council.example",
            "A@COUNCIL.EXAMPLE",
            "not an address",
            "=1+1",
            "-3",
            "@x",
            "",
            " ",
            "Riverside",
            "é" * 130,
        ]
    ),
    st.text(max_size=12),
)
headers = st.sampled_from(
    [
        ["name", "email", "ward", "party"],
        ["name", "email"],
        ["Name", "E-mail", "Wards"],
        ["email", "name", "party", "ward"],
        [],
    ]
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=5), max_size=6), header=headers)
def test_fuzzed_files_never_crash_and_never_import_part(actor, rows, header):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    before = people()
    try:
        result = members_import(actor=actor, data=buffer.getvalue().encode())
    except MembersImportRefused as refusal:
        assert refusal.errors, "a refusal always says why"
        assert people() == before
    else:
        assert len(result.created) == len(people() - before) > 0
    Member.objects.all().delete()
    User.objects.exclude(pk=actor.pk).delete()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_fuzzed_bytes_never_crash(actor, data):
    with contextlib.suppress(MembersImportRefused):
        members_import(actor=actor, data=data)
    Member.objects.all().delete()
    User.objects.exclude(pk=actor.pk).delete()
