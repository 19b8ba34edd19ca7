"""Reports: drafted by the author, approved or returned by the sponsor, published with the
agenda; only the right person makes each move; every version kept with a readable difference."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from corporate_parenting.models import AuditEvent, Duty, DutyKind
from panels import services as panel_services
from panels.notice import working_day_on_or_before
from panels.reports.models import Report, ReportVersion
from panels.reports.querysets import report_deadline
from panels.services import reports as services
from tests import factories
from tests.panels.factories import BodyFactory, MembershipFactory
from tests.second_factor import sign_in_verified

pytestmark = pytest.mark.django_db


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def sponsor(db):
    return factories.officer(email="director@example.org", full_name="Dana Director")


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True, report_deadline_days=10)
    MembershipFactory(body=body, user=councillor, role="chair")
    return panel_services.meeting_create(
        actor=None,
        body=body,
        date=timezone.localdate() + datetime.timedelta(days=30),
        start_time=datetime.time(18, 30),
    )


@pytest.fixture
def report(meeting, officer, sponsor):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Champion model")
    return services.report_create(
        actor=officer, item=item, title="Champion model update", author=officer, sponsor=sponsor
    )


def _write(report, officer, **fields):
    base = {
        "title": report.title,
        "summary": "Eight areas, one champion each.",
        "recommendations": "That the panel note the update.\nThat champions attend three events.",
    }
    services.report_update(
        actor=officer,
        report=report,
        fields={**base, **fields},
        sections=[{"heading": "Background", "body": "The model began in 2019.\n\n- one\n- two"}],
    )
    report.refresh_from_db()
    return report


def test_the_whole_journey_keeps_each_version(report, officer, sponsor, meeting):
    _write(report, officer)
    services.report_submit(actor=officer, report=report)
    services.report_return(actor=sponsor, report=report, comment="Add the DBS figures.")
    _write(report, officer, summary="Eight areas. DBS checks: all cleared.")
    services.report_submit(actor=officer, report=report)
    services.report_approve(actor=sponsor, report=report)
    report.refresh_from_db()
    assert report.status == "approved" and not report.is_published
    panel_services.agenda_publish(actor=officer, meeting=meeting)
    report.refresh_from_db()
    assert report.status == "published" and report.published_by == officer
    actions = list(ReportVersion.objects.filter(report=report).values_list("action", flat=True))
    assert actions == [
        "published with the agenda",
        "approved by the sponsor",
        "submitted to the sponsor",
        "saved",
        "returned to the author",
        "submitted to the sponsor",
        "saved",
        "created",
    ]
    assert report.version == 3
    returned = ReportVersion.objects.get(report=report, action="returned to the author")
    assert returned.comment == "Add the DBS figures." and returned.made_by == sponsor
    assert AuditEvent.objects.for_object(report).count() >= 7


def test_only_the_right_person_makes_each_move(report, officer, sponsor, portal_admin):
    stranger = factories.officer()
    with pytest.raises(PermissionDenied):
        services.report_update(actor=sponsor, report=report, fields={"title": "Mine"})
    _write(report, officer)
    with pytest.raises(PermissionDenied):
        services.report_submit(actor=stranger, report=report)
    services.report_submit(actor=officer, report=report)
    for who in (officer, stranger, portal_admin):
        with pytest.raises(PermissionDenied):
            services.report_approve(actor=who, report=report)
        with pytest.raises(PermissionDenied):
            services.report_return(actor=who, report=report, comment="No")
    with pytest.raises(ValidationError):
        services.report_update(actor=officer, report=report, fields={"title": "Too late"})
    services.report_approve(actor=sponsor, report=report)
    with pytest.raises(PermissionDenied):
        services.report_publish(actor=factories.councillor(), report=report)


def test_submitting_without_recommendations_is_an_error_on_that_field(report, officer):
    _write(report, officer, recommendations="")
    with pytest.raises(ValidationError) as error:
        services.report_submit(actor=officer, report=report)
    assert "recommendations" in error.value.message_dict
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_edit_page_refuses_script_and_keeps_what_was_typed(client_for, report):
    response = client_for("officer").post(
        f"/panels/reports/{report.pk}/edit/",
        {
            "title": "Champion model update",
            "summary": "Hello <script>alert(1)</script>",
            "recommendations": "That the panel note the update.",
            "sections-TOTAL_FORMS": "1",
            "sections-INITIAL_FORMS": "0",
            "sections-0-heading": "Background",
            "sections-0-body": "<iframe src=x></iframe> kept words",
            "save": "",
        },
    )
    assert response.status_code == 200
    assert "never scripts" in response.text
    assert "That the panel note the update." in response.text
    assert "kept words" in response.text
    report.refresh_from_db()
    assert report.summary == "" and report.version == 1


def test_submit_with_no_recommendations_from_the_edit_page_shows_the_field_error(
    client_for, report
):
    response = client_for("officer").post(
        f"/panels/reports/{report.pk}/edit/",
        {
            "title": "Champion model update",
            "summary": "A summary kept",
            "recommendations": "",
            "sections-TOTAL_FORMS": "1",
            "sections-INITIAL_FORMS": "0",
            "submit": "",
        },
    )
    assert response.status_code == 200
    assert "Add at least one recommendation before submitting" in response.text
    assert "A summary kept" in response.text
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_sponsor_must_say_why_a_report_is_returned(client_for, report, officer, sponsor):
    _write(report, officer)
    services.report_submit(actor=officer, report=report)
    client = sign_in_verified(client_for("officer"), sponsor)
    response = client.post(f"/panels/reports/{report.pk}/review/", {"decision": "return"})
    assert response.status_code == 200
    assert "Say what the author should change" in response.text
    report.refresh_from_db()
    assert report.status == "submitted"
    response = client.post(
        f"/panels/reports/{report.pk}/review/", {"decision": "return", "comment": "More data"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "returned"


@pytest.mark.parametrize(
    ("role", "url", "data", "allowed"),
    [
        ("councillor", "edit", {"title": "x"}, False),
        ("admin", "edit", {"title": "x"}, False),
        ("councillor", "review", {"decision": "approve"}, False),
        ("officer", "review", {"decision": "approve"}, False),  # the author is not the sponsor
        ("admin", "review", {"decision": "approve"}, False),
        ("councillor", "publish", {}, False),
        ("anonymous", "submit", {}, False),
        ("councillor", "submit", {}, False),
        ("admin", "submit", {}, False),
    ],
)
def test_post_permissions(client_for, report, officer, role, url, data, allowed):
    _write(report, officer)
    if url in ("review", "publish"):
        services.report_submit(actor=officer, report=report)
    before = Report.objects.get(pk=report.pk)
    response = client_for(role).post(f"/panels/reports/{report.pk}/{url}/", data)
    assert response.status_code in (302, 403, 404)
    if role == "anonymous":
        assert (
            response.status_code == 302 and "/sign-in/" in response.url or "login" in response.url
        )
    after = Report.objects.get(pk=report.pk)
    assert (after.status, after.version, after.title) == (
        before.status,
        before.version,
        before.title,
    )


def test_only_clerks_commission_reports(client_for, meeting, officer, sponsor):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Fostering")
    Duty.objects.create(user=officer, kind=DutyKind.REPORT_AUTHOR)
    Duty.objects.create(user=sponsor, kind=DutyKind.REPORT_SPONSOR)
    data = {"title": "Fostering", "author": officer.pk, "sponsor": sponsor.pk}
    assert (
        client_for("councillor").post(f"/panels/items/{item.pk}/report/new/", data).status_code
        == 403
    )
    assert not Report.objects.exists()
    response = client_for("admin").post(f"/panels/items/{item.pk}/report/new/", data)
    assert response.status_code == 302
    assert Report.objects.get().author == officer


def test_author_and_sponsor_are_chosen_from_people_with_those_duties(
    client_for, meeting, officer, sponsor
):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Fostering")
    Duty.objects.create(user=officer, kind=DutyKind.REPORT_AUTHOR)
    url = f"/panels/items/{item.pk}/report/new/"
    client = client_for("admin")
    page = client.get(url).content.decode()
    assert officer.full_name in page and sponsor.full_name not in page
    response = client.post(url, {"title": "Fostering", "author": officer.pk, "sponsor": sponsor.pk})
    assert "Choose a person with the report sponsor duty" in response.content.decode()
    assert not Report.objects.exists()


AUTHOR_AS_SPONSOR = "Choose a sponsor other than the author: someone else approves the report"


def test_the_form_refuses_the_author_as_sponsor(client_for, meeting, officer):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Fostering")
    Duty.objects.create(user=officer, kind=DutyKind.REPORT_AUTHOR)
    Duty.objects.create(user=officer, kind=DutyKind.REPORT_SPONSOR)
    response = client_for("admin").post(
        f"/panels/items/{item.pk}/report/new/",
        {"title": "Fostering", "author": officer.pk, "sponsor": officer.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"sponsor": [AUTHOR_AS_SPONSOR]}
    assert not Report.objects.exists()


def test_the_service_refuses_the_author_as_sponsor(meeting, officer, portal_admin):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Fostering")
    with pytest.raises(ValidationError) as caught:
        services.report_create(
            actor=portal_admin, item=item, title="Fostering", author=officer, sponsor=officer
        )
    assert caught.value.message_dict == {"sponsor": [AUTHOR_AS_SPONSOR]}
    assert not Report.objects.exists()


@pytest.fixture
def own_report(report, officer):
    """A report whose author is also its sponsor (made before the rule), submitted."""
    Report.objects.filter(pk=report.pk).update(sponsor=officer)
    report.refresh_from_db()
    _write(report, officer)
    services.report_submit(actor=officer, report=report)
    return report


def test_the_author_cannot_approve_their_own_report_even_as_sponsor(own_report, officer):
    with pytest.raises(PermissionDenied):
        services.report_approve(actor=officer, report=own_report)
    own_report.refresh_from_db()
    assert own_report.status == "submitted" and own_report.approved_at is None


def test_the_author_posting_an_approval_of_their_own_report_is_refused(client_for, own_report):
    response = client_for("officer").post(
        f"/panels/reports/{own_report.pk}/review/", {"decision": "approve"}
    )
    assert response.status_code == 403
    own_report.refresh_from_db()
    assert own_report.status == "submitted" and own_report.approved_at is None
    assert not own_report.versions.filter(action="approved by the sponsor").exists()
    page = client_for("officer").get(own_report.get_absolute_url()).content.decode()
    assert f"/panels/reports/{own_report.pk}/review/" not in page  # no button to a refusal


def test_annexes_must_be_real_pdfs_within_the_limit(client_for, report, settings):
    settings.REPORT_ANNEX_MAX_BYTES = 50_000
    client = client_for("officer")
    url = f"/panels/reports/{report.pk}/annexes/new/"
    html = SimpleUploadedFile("annex.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = client.post(url, {"title": "Dates for the diary", "file": html})
    assert "must be a PDF" in response.text
    assert 'value="Dates for the diary"' in response.text
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 60_000, "application/pdf")
    assert "smaller than" in client.post(url, {"title": "Big", "file": big}).text
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 garbage", "application/pdf")
    assert "can be opened" in client.post(url, {"title": "Broken", "file": broken}).text
    assert not report.annexes.exists()
    uploaded = pdf_bytes(2)
    good = SimpleUploadedFile("Plan d’été.pdf", uploaded, "application/pdf")
    assert client.post(url, {"title": "Plan", "file": good}).status_code == 302
    annex = report.annexes.get()
    assert annex.page_count == 2 and annex.letter == "A"
    assert annex.file.name.rsplit("/", 1)[-1].startswith("Plan-dete")
    download = client.get(f"/panels/annexes/{annex.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == uploaded  # the very file, byte for byte
    refused = client_for("anonymous").get(f"/panels/annexes/{annex.pk}/")
    assert refused.status_code == 404


def test_history_shows_what_changed_between_versions(client_for, report, officer):
    _write(report, officer)
    _write(report, officer, summary="A new summary line.")
    page = client_for("officer").get(f"/panels/reports/{report.pk}/history/").text
    assert "Executive summary" in page
    assert "removed:</span> Eight areas, one champion each." in page
    assert "added:</span> A new summary line." in page


def test_body_text_is_sanitised_markup(report, officer):
    _write(report, officer)
    section = report.sections.get()
    assert "<ul>" in section.body_html and "<li>one</li>" in section.body_html
    services.report_update(
        actor=officer,
        report=report,
        fields={"title": report.title},
        sections=[{"heading": "Links", "body": "[site](https://example.org) and [bad](data:x)"}],
    )
    html = report.sections.get().body_html
    assert 'href="https://example.org"' in html
    assert "data:x" not in html


def test_late_reports_are_computed_in_one_place(report, meeting):
    deadline = report_deadline(meeting)
    # Ten days before, or the working day before that (the meeting is a month from today).
    assert deadline == working_day_on_or_before(meeting.date - datetime.timedelta(days=10))
    annotated = Report.objects.with_deadline(today=deadline).get(pk=report.pk)
    assert annotated.deadline == deadline and not annotated.is_late
    day_after = deadline + datetime.timedelta(days=1)
    assert list(Report.objects.late(today=day_after)) == [report]
    Report.objects.filter(pk=report.pk).update(status="submitted")
    assert not Report.objects.late(today=day_after).exists()


def test_authors_see_their_reports_on_their_home_page_and_the_clerk_sees_late_ones(
    client_for, report, meeting
):
    home = client_for("officer").get("/").text
    assert "Champion model update" in home
    Report.objects.filter(pk=report.pk).update()
    meeting.body.report_deadline_days = 40
    meeting.body.save()
    page = client_for("admin").get(f"/panels/meetings/{meeting.pk}/").text
    assert "report is late" in page


def test_the_report_pdf_is_rendered_once_per_version(client_for, report, officer, monkeypatch):
    from panels.reports import pdf

    calls: list[int] = []
    real = pdf.render_report_pdf

    def counted(report: Report) -> bytes:
        calls.append(report.pk)
        return real(report)

    monkeypatch.setattr(pdf, "render_report_pdf", counted)
    client = client_for("officer")
    for _ in range(3):
        assert client.get(f"/panels/reports/{report.pk}/report.pdf").status_code == 200
    assert len(calls) == 1
    _write(report, officer, summary="Changed")
    assert client.get(f"/panels/reports/{report.pk}/report.pdf").status_code == 200
    assert len(calls) == 2


@pytest.mark.parametrize("url", ["/panels/reports/", "/", "/panels/reports/{pk}/"])
def test_report_pages_keep_a_constant_number_of_queries(
    client_for, report, officer, sponsor, meeting, url
):
    from tests.helpers import assert_constant_queries

    _write(report, officer)

    def grow():
        for number in range(3):
            item = panel_services.agenda_item_add(
                actor=None, meeting=meeting, title=f"More papers {number}"
            )
            more = services.report_create(
                actor=officer, item=item, title=f"Paper {number}", author=officer, sponsor=sponsor
            )
            _write(more, officer)
            services.report_submit(actor=officer, report=more)
        _write(report, officer, summary="A longer history of versions")

    assert_constant_queries(client_for("officer"), url.format(pk=report.pk), grow)


def test_hostile_values_on_the_report_form_are_errors_and_nothing_is_lost(client_for, report):
    response = client_for("officer").post(
        f"/panels/reports/{report.pk}/edit/",
        {
            "title": "T" * 10_000,
            "summary": "Kept words \x00",
            "recommendations": "R" * 10_001,
            "priorities": ["not-a-priority"],
            "sections-TOTAL_FORMS": "9999",
            "sections-INITIAL_FORMS": "0",
            "sections-0-heading": "H" * 10_000,
            "save": "",
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    report.refresh_from_db()
    assert report.version == 1 and report.title == "Champion model update"


@pytest.mark.parametrize(
    "prose", ["Ongoing = 12 young people", "JavaScript: a course for care leavers", "Colon: on=1"]
)
def test_ordinary_prose_is_kept_not_refused_as_a_script(prose):
    from panels.reports.markup import check_markup

    check_markup(prose)  # no ValidationError


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
    ],
)
def test_what_looks_like_a_script_is_still_refused(script):
    from django.core.exceptions import ValidationError

    from panels.reports.markup import check_markup

    with pytest.raises(ValidationError):
        check_markup(script)


def test_the_sponsor_and_author_are_emailed_as_the_report_moves(
    client_for, report, officer, sponsor
):
    from django.core import mail

    from corporate_parenting.reminders import dispatch

    _write(report, officer)
    services.report_submit(actor=officer, report=report)
    dispatch.dispatch()
    [to_sponsor] = [m for m in mail.outbox if m.to == [sponsor.email]]
    assert to_sponsor.subject.endswith("For your approval: Champion model update")
    assert f"/panels/reports/{report.pk}/review/" in str(to_sponsor.body)
    services.report_return(actor=sponsor, report=report, comment="Add the DBS figures.")
    dispatch.dispatch()
    [returned] = [m for m in mail.outbox if m.to == [officer.email]]
    assert "Add the DBS figures." in str(returned.body)
    # Where the author makes the changes, the sponsor's comment is shown.
    page = client_for("officer").get(f"/panels/reports/{report.pk}/edit/").text
    assert "Dana Director returned the report on" in page and "Add the DBS figures." in page
    _write(report, officer, summary="Eight areas. DBS checks: all cleared.")
    services.report_submit(actor=officer, report=report)
    services.report_approve(actor=sponsor, report=report, comment="Thank you.")
    dispatch.dispatch()
    to_author = [m.subject for m in mail.outbox if m.to == [officer.email]]
    assert any(s.endswith("Approved: Champion model update") for s in to_author)
    # Submitted twice: the sponsor was told twice.
    assert len([m for m in mail.outbox if m.to == [sponsor.email]]) == 2


def test_the_history_heads_each_changed_section_and_keeps_changes_apart(report, officer):
    from panels.reports.diff import field_changes

    before = {
        "sections": [
            {"heading": "Background", "body": "\n".join(f"Line {n}" for n in range(1, 11))},
            {"heading": "Proposals", "body": "Keep the model."},
        ]
    }
    after = {
        "sections": [
            {
                "heading": "Background",
                "body": "\n".join(
                    "Line one changed" if n == 1 else "Line ten changed" if n == 10 else f"Line {n}"
                    for n in range(1, 11)
                ),
            },
            {"heading": "Proposals", "body": "Keep the model."},
            {"heading": "Consultation", "body": "Young people were asked."},
        ]
    }
    changes = field_changes(before, after)
    assert [c.label for c in changes] == [
        "Section 1: Background",
        "Section 3: Consultation (added)",
    ]
    kinds = [line.kind for line in changes[0].lines]
    assert "gap" in kinds  # lines 3 to 8 are between the two changes and are not run together
    assert kinds.index("gap") < len(kinds) - 1
