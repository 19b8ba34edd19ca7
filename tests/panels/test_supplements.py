"""Supplementary packs: the clerk publishes papers that came after the agenda as Supplement 1,
2..., each with the reason they are late, its own front sheet and PDF in both editions (the
public one only with public papers), linked from the meeting pages and in the agendas feed."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from panels import services
from panels.models import AgendaItem, Membership, Supplement
from panels.reports.models import PackBuild
from panels.reports.pack import build_pack
from tests import factories as core
from tests.bench.pack import attach_paper, build_pack_meeting, make_report, paper_pdf

pytestmark = pytest.mark.django_db

REASON = "The Ofsted letter arrived after the agenda was published."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting():
    """A published agenda with one report; then, late: a report approved after publication, a
    report file uploaded after it, and an exempt item's file uploaded after it."""
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    closing = meeting.items.get(kind="next_meeting")
    closing.position = 9
    closing.save()
    sponsor = meeting.items.get(title="Item of business 1").written_report.sponsor
    late_report = AgendaItem.objects.create(meeting=meeting, position=5, title="Ofsted visit")
    make_report(
        late_report,
        title="Ofsted focused visit letter",
        sponsor=sponsor,
        author=sponsor,
        published=False,
        sections=1,
        annex_pages=0,
    )
    late_file = AgendaItem.objects.create(meeting=meeting, position=6, title="Sufficiency")
    attach_paper(late_file, "sufficiency.pdf", paper_pdf("Sufficiency statement", 2))
    private = AgendaItem.objects.create(
        meeting=meeting, position=7, title="Provider fees", is_exempt=True, exempt_paragraph="3"
    )
    attach_paper(private, "fees.pdf", paper_pdf("Confidential provider fees", 1))
    return meeting


def texts(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_clerk_publishes_late_papers_as_numbered_supplements(client_for, meeting):
    client = client_for("officer")
    page = client.get(meeting.get_absolute_url())
    assert b"Publish late papers as a supplement</a> (3 waiting)" in page.content
    url = reverse("panels:supplement_new", args=[meeting.pk])
    form = client.get(url)
    for label in (b"5. Ofsted focused visit letter", b"6. Sufficiency", b"7. Provider fees"):
        assert label in form.content
    choices = [
        f"report-{meeting.items.get(position=5).written_report.pk}",
        f"file-{meeting.items.get(position=6).pk}",
        f"file-{meeting.items.get(position=7).pk}",
    ]
    refused = client.post(url, {"papers": choices, "reason": "  "})
    assert refused.status_code == 200 and b"Enter why the papers are late" in refused.content
    assert not Supplement.objects.exists()
    response = client.post(url, {"papers": choices, "reason": REASON})
    assert response.status_code == 302
    supplement = Supplement.objects.get()
    assert supplement.number == 1 and supplement.reason == REASON
    assert sorted(supplement.items.values_list("position", flat=True)) == [5, 6, 7]
    report = meeting.items.get(position=5).written_report
    report.refresh_from_db()
    assert report.is_published  # through the report publishing service
    assert not services.late_papers(meeting)
    # A paper uploaded later goes out as Supplement 2.
    item = meeting.items.get(position=6)
    attach_paper(item, "sufficiency-v2.pdf", paper_pdf("Sufficiency statement", 3))
    assert services.late_papers(meeting).files == [item]
    second = services.supplement_publish(
        actor=core.officer(email="clerk2@example.org"), meeting=meeting, reason="Corrected"
    )
    assert second.number == 2 and list(second.items.all()) == [item]
    # The meeting page links each supplement, with its reason.
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Supplement 1 for members (PDF)" in page and "Supplement 2 for members (PDF)" in page
    assert REASON in page and "Publish late papers as a supplement" not in page


def test_a_supplement_is_only_of_a_published_agenda_and_needs_a_reason(meeting):
    meeting.agenda_published_at = None
    meeting.save()
    with pytest.raises(Exception, match="Publish the agenda first"):
        services.supplement_publish(actor=meeting.body.clerk, meeting=meeting, reason=REASON)
    meeting.agenda_published_at = timezone.now() - datetime.timedelta(days=1)
    meeting.save()
    with pytest.raises(Exception, match="Enter why the papers are late"):
        services.supplement_publish(actor=None, meeting=meeting, reason="")


def test_supplement_pdf_has_its_front_sheet_reason_and_only_its_papers(meeting):
    supplement = services.supplement_publish(
        actor=meeting.body.clerk, meeting=meeting, reason=REASON
    )
    full, _ = build_pack(meeting, "full", supplement)
    text = texts(full)
    assert "Supplement 1: papers published after the agenda" in text
    assert f"Why these papers are late {REASON}" in text
    for paper in ("Ofsted focused visit letter", "Sufficiency statement", "Confidential"):
        assert paper in text
    assert "Care leavers report 1" not in text  # went out with the agenda
    public, _ = build_pack(meeting, "public", supplement)
    text = texts(public)
    assert "Ofsted focused visit letter" in text and "Sufficiency statement" in text
    assert "Confidential provider fees" not in text and "NOT FOR PUBLICATION" not in text
    assert "Provider fees" in text  # by its title alone


def test_public_edition_only_with_public_papers(client_for, user_for_role, meeting):
    private = meeting.items.get(position=7)
    only_private = services.supplement_publish(
        actor=meeting.body.clerk, meeting=meeting, reason=REASON, reports=[], items=[private]
    )
    public_url = reverse("panels:supplement_pack", args=[meeting.pk, 1, "public"])
    full_url = reverse("panels:supplement_pack", args=[meeting.pk, 1, "full"])
    assert client_for("anonymous").get(public_url).status_code == 404
    assert client_for("anonymous").get(full_url).status_code == 404
    assert client_for("councillor").get(full_url).status_code == 404
    Membership.objects.create(body=meeting.body, user=user_for_role["councillor"], role="member")
    assert client_for("councillor").get(full_url).status_code == 200
    public_page = client_for("anonymous").get(reverse("panels:public_meeting", args=[meeting.pk]))
    assert b"Supplement 1" not in public_page.content
    assert only_private.number == 1
    services.supplement_publish(actor=meeting.body.clerk, meeting=meeting, reason=REASON)
    public_page = client_for("anonymous").get(reverse("panels:public_meeting", args=[meeting.pk]))
    assert b"Supplement 2: papers published after the agenda (PDF)" in public_page.content
    assert b"Supplement 1" not in public_page.content
    feed = client_for("anonymous").get(
        reverse("panels:body_feed_rss", args=[meeting.body.slug, "agendas"])
    )
    content = feed.content.decode()
    assert "Supplement 2" in content and REASON in content and "Supplement 1" not in content
    assert "Confidential" not in content


def test_supplement_pack_is_made_once_and_downloaded(
    client_for, meeting, django_capture_on_commit_callbacks
):
    services.supplement_publish(actor=meeting.body.clerk, meeting=meeting, reason=REASON)
    client = client_for("anonymous")
    url = reverse("panels:supplement_pack", args=[meeting.pk, 1, "public"])
    assert b"Make the pack" in client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    build = PackBuild.objects.get()
    assert build.status == "ready" and build.supplement is not None
    page = client.get(url)
    assert b"Download the supplement 1: public agenda pack" in page.content
    download = client.get(reverse("panels:supplement_download", args=[meeting.pk, 1, "public"]))
    assert download.status_code == 200
    assert "supplement-1-" in download["Content-Disposition"]
    assert REASON in texts(b"".join(download.streaming_content))
    # The agenda pack itself is another build.
    assert not meeting.packs.filter(supplement=None).exists()


def test_a_late_file_is_not_late_once_it_went_in_a_supplement(meeting):
    services.supplement_publish(actor=meeting.body.clerk, meeting=meeting, reason=REASON)
    assert not services.late_papers(meeting)
    item = meeting.items.get(position=6)
    item.report_file.save("again.pdf", ContentFile(paper_pdf("Again", 1)), save=False)
    item.save()  # replaced without a new upload time: not late again
    assert not services.late_papers(meeting)


def test_members_and_the_public_who_asked_are_told_of_a_supplement(meeting):
    from django.core import mail

    from corporate_parenting.reminders import dispatch
    from corporate_parenting.reminders import services as alerts
    from tests.core.reminder_helpers import parsed, parts

    member = Membership.objects.filter(body=meeting.body).select_related("user").first()
    assert member is not None
    meeting.body.is_public = True
    meeting.body.save()
    reader = alerts.alert_subscribe(
        email="reader@example.net", body=meeting.body, agendas=True, minutes=False, decisions=False
    ).subscription
    alerts.alert_confirm(token=reader.token)
    dispatch.dispatch()
    mail.outbox.clear()
    services.supplement_publish(actor=meeting.body.clerk, meeting=meeting, reason=REASON)
    dispatch.dispatch()
    told = {m.to[0]: m for m in mail.outbox}
    assert member.user is not None
    assert {member.user.email, "reader@example.net"} <= set(told)
    for address in (member.user.email, "reader@example.net"):
        message = told[address]
        assert message.subject.endswith(
            f"Late papers: {meeting.body.name}, {meeting.date.day} {meeting.date:%B %Y}"
        )
        text = parts(parsed(message))["text/plain"]
        assert "Supplement 1 of late papers is published" in text and REASON in text
