"""Section builders for the tests only, until annual/sections/ has the real ones: they read the
records (a year's meetings), so a test can change a record and see what the report shows.
Registered with the `builders` fixture (tests/annual/conftest.py), which replaces
annual.assemble.builder for the test."""

from __future__ import annotations

from collections.abc import Callable

from annual.snapshot import Cell, Chart, Figure, Section, Series, Table
from corporate_parenting.years import PoliticalYear
from panels.models import Meeting


def panel(period: PoliticalYear) -> Section:
    meetings = list(
        Meeting.objects.filter(date__gte=period.start, date__lte=period.end).order_by("date")
    )
    held = len(meetings)
    return Section(
        key="panel",
        title="The panel and board",
        summary=f"The panel met {held} times in {period.label}.",
        empty=not meetings,
        figures=[
            Figure(key="meetings", label="Meetings held", value=str(held), number=held),
            Figure(key="attendance", label="Attendance", value="86%", number=86),
        ],
        tables=[
            Table(
                caption="Meetings",
                headers=["Date"],
                rows=[[Cell(text=f"{m.date:%-d %B %Y}")] for m in meetings],
            )
        ],
        charts=[
            Chart(
                title="Meetings by quarter",
                kind="bar",
                labels=["Q1", "Q2", "Q3", "Q4"],
                series=[Series(name="Meetings", values=[1, 2, None, 1])],
            )
        ],
        young=[f"The panel met {held} times to check how you are doing."],
    )


def voice(period: PoliticalYear) -> Section:
    return Section(
        key="voice",
        title="What young people told us",
        summary="Young people told us about housing and money.",
        figures=[Figure(key="consultations", label="Consultations", value="fewer than 5")],
        notes=["Demonstration figures."],
        young=["You told us about housing, and we listened."],
    )


BUILDERS: dict[str, Callable[[PoliticalYear], Section]] = {"panel": panel, "voice": voice}


def builder(key: str) -> Callable[[PoliticalYear], Section]:
    """As annual.assemble.builder: a builder the tests have, or the missing module's error."""
    if key in BUILDERS:
        return BUILDERS[key]
    error = ModuleNotFoundError(f"No module named 'annual.sections.{key}'")
    error.name = f"annual.sections.{key}"
    raise error
