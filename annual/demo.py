"""Demo data: a draft annual report of the Corporate Parenting Panel for the year the demo is in
(its meetings, engagements and pledges are dated around today, so the year so far is the one with
figures in every section), its forewords, achievements and priorities invented and marked as demonstration. It stays
a draft (not public): an officer records the panel's approval and the clerk publishes it.

Safe to run again: nothing is duplicated and nothing a user changed is reset.
"""

from __future__ import annotations

from typing import TextIO

from django.utils import timezone

from annual import services
from annual.content import start_month
from annual.models import AnnualReport, AnnualSettings
from corporate_parenting.models import User
from corporate_parenting.years import political_year_for
from panels.models import Body
from strategy.models import Objective

DEMO = "*Demonstration text, invented for the demo.*\n\n"
TEXTS = {
    "chair_foreword": DEMO
    + "This year the Panel listened harder than ever to children in care and care leavers. "
    "We met every quarter, our champions visited services across the borough, and young people "
    "held us to account at every meeting.",
    "council_foreword": DEMO
    + "We asked the Panel to make it easier to find out what care leavers are entitled to. "
    "They listened, and the offer is now online. Next year we want every young person to know "
    "who their champion is.",
    "achievements": DEMO + "- Council tax exemption for care leavers up to 25\n"
    "- A drop-in for care leavers every Saturday morning\n"
    "- Every champion visited a service at least three times",
    "young_text": DEMO
    + "This is the short version of what your corporate parents did this year, and what we "
    "will do next. You told us what matters to you. Here is what changed.",
}
PRIORITIES = (
    "Find more homes for children in care close to their schools and friends",
    "Help more care leavers into apprenticeships and jobs",
    "Make sure every young person knows who their champion is",
)


def load(stdout: TextIO) -> None:
    body = Body.objects.filter(slug="corporate-parenting-panel").first()
    officer = User.objects.filter(email="officer@example.org").first()
    if body is None or officer is None:
        return
    year = political_year_for(timezone.localdate(), start_month(AnnualSettings.load()))
    report = AnnualReport.objects.filter(body=body, start_year=year.start_year).first()
    if report is None:
        report = services.annual_report_start(actor=officer, body=body, start_year=year.start_year)
        objective = Objective.objects.of_current_priorities().order_by("pk").first()
        services.annual_report_save(
            actor=officer,
            report=report,
            texts={"title": f"{report.title} (demonstration)", **TEXTS},
            priorities=[
                services.PriorityRow(text=text, objective=objective if n == 0 else None)
                for n, text in enumerate(PRIORITIES)
            ],
        )
    stdout.write(f"Annual report: {report.title} ({report.get_status_display().lower()})\n")
