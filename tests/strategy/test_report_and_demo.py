"""A panel report shows the progress of the priorities it addresses, on its page and in its
PDF; the demo has a strategy and its invented figures are marked."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from offer.models import Measurement
from panels.models import ActionStatus
from panels.reports.models import Report
from panels.reports.pdf import render_report_pdf
from strategy.models import Objective, Priority
from tests.panels.factories import ActionFactory, AgendaItemFactory, MeetingFactory
from tests.strategy.factories import ObjectiveFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def _report(author, sponsor):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=20))
    return Report.objects.create(
        item=AgendaItemFactory(meeting=meeting, title="Housing"),
        title="Housing protocol",
        author=author,
        sponsor=sponsor,
    )


def test_report_shows_its_priorities_progress(client_for, officer, portal_admin):
    report = _report(officer, portal_admin)
    priority = PriorityFactory(name="Care experienced", slug="care-experienced")
    objective = ObjectiveFactory(priority=priority, title="Every care leaver has a home")
    objective.actions.set([ActionFactory(status=ActionStatus.DONE), ActionFactory()])
    report.priorities.set([priority])

    page = client_for("officer").get(f"/panels/reports/{report.pk}/").content.decode()
    assert "Strategic priorities: progress" in page
    assert "Every care leaver has a home" in page and "1 of 2 done" in page

    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(render_report_pdf(report))).pages
    )
    assert "Strategic priorities: progress" in text
    assert "Every care leaver has a home" in text and "1 of 2 done" in text


def test_report_without_priorities_has_no_progress_section(client_for, officer, portal_admin):
    report = _report(officer, portal_admin)
    page = client_for("officer").get(f"/panels/reports/{report.pk}/").content.decode()
    assert "Strategic priorities: progress" not in page


def test_demo_has_a_strategy_and_marks_its_figures(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests-1")
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    assert Priority.objects.count() == 7
    assert Objective.objects.filter(indicators__isnull=False).exists()
    assert Objective.objects.filter(actions__isnull=False).exists()
    assert Measurement.objects.exists()
    assert not Measurement.objects.filter(is_demo=False).exists()
    objectives = Objective.objects.count()
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    assert Objective.objects.count() == objectives
