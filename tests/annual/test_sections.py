"""The annual report's sections, assembled from the records of a small planted year: the
figures, the empty year, the public door (a private record's distinctive word appears nowhere),
and a fixed number of queries whatever the year's size."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from annual.assemble import assemble
from annual.snapshot import SECTION_KEYS, Section
from champions.models import DbsStatus, EngagementStatus
from corporate_parenting.years import PoliticalYear, political_year_starting
from offer.models import Feedback, OfferEntry
from panels.models import (
    ActionStatus,
    Attendance,
    DecisionStatus,
    MemberRole,
    Membership,
    PlannedItem,
    Resolution,
)
from partners.models import (
    OrganisationKind,
    PartnerOrganisation,
    Pledge,
    ProgressUpdate,
    SelfAssessment,
)
from strategy.models import Priority
from tests import factories as core
from tests.champions.factories import (
    AppointmentFactory,
    ChampionAreaFactory,
    EngagementFactory,
    MemberFactory,
    PlanItemFactory,
)
from tests.helpers import assert_constant_queries_of
from tests.offer.factories import (
    FeedbackFactory,
    IndicatorFactory,
    MeasurementFactory,
    OfferEntryFactory,
)
from tests.panels.factories import AgendaItemFactory, BodyFactory, MeetingFactory
from tests.strategy.factories import ObjectiveFactory
from tests.voice.factories import ConsultationFactory, FindingFactory, MatterFactory, QuoteFactory
from voice.consultation_models import Consultation, FindingStatus
from voice.models import Principle, Theme

pytestmark = pytest.mark.django_db

# April to March: the caller chooses the start month.
PERIOD: PoliticalYear = political_year_starting(2024, 4)
DAY = datetime.date(2024, 10, 15)
WORD = "Quetzalcanary"


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def plant(n: int = 1, *, young_people: int = 6) -> None:
    """n of each public record in the year, for every section."""
    theme = Theme.objects.order_by("position").first() or Theme.objects.create(
        name="Housing", slug="housing", position=1
    )
    principle = Principle.objects.get(letter="b")
    noted = DecisionStatus.objects.get_or_create(name="Noted")[0]
    body = BodyFactory(
        slug="cpp",
        name="Corporate Parenting Panel",
        is_public=True,
        work_programme_published_at=at(DAY),
    )
    objective = ObjectiveFactory()
    org, _ = PartnerOrganisation.objects.get_or_create(
        slug="college", defaults={"name": "Northfield College", "kind": OrganisationKind.EDUCATION}
    )
    for i in range(n):
        day = DAY + datetime.timedelta(days=i)
        # The panel: a held public meeting, its attendance, a decision, an action, a planned item.
        chair = core.councillor()
        Membership.objects.create(body=body, user=chair, role=MemberRole.CHAIR)
        meeting = MeetingFactory(
            body=body,
            date=day,
            status="minutes_approved",
            agenda_published_at=at(day - datetime.timedelta(days=7)),
            young_people_present=young_people,
        )
        Attendance.objects.create(meeting=meeting, kind="present", user=chair, name=chair.full_name)
        item = AgendaItemFactory(meeting=meeting, title=f"Care leavers' housing {i}")
        Resolution.objects.create(
            item=item, position=1, text="That the update be noted.", decision_status=noted
        )
        action = Resolution.objects.create(
            item=item,
            position=2,
            text="That officers report on bus passes.",
            is_action=True,
            owner=core.officer(),
            due_date=day,
            status=ActionStatus.DONE,
        )
        principle.resolutions.add(action)
        objective.actions.add(action)
        PlannedItem.objects.create(
            body=body,
            title=f"Sufficiency strategy {i}",
            month=day.replace(day=1),
            original_month=day.replace(day=1),
            outcome="taken",
            agenda_item=item,
            meeting=meeting,
        )
        # Champions: an area, its champion, an engagement answered in public, a plan done.
        area = ChampionAreaFactory()
        member = MemberFactory(
            dbs_status=DbsStatus.CLEARED,
            dbs_cleared_on=day,
            training_completed_on=day,
        )
        AppointmentFactory(member=member, area=area, start_year=PERIOD.start_year)
        engagement = EngagementFactory(
            member=member,
            area=area,
            date=day,
            young_people_count=young_people,
            follow_up_status="done",
            follow_up_response="Bus passes now last until 21.",
            show_in_you_said_we_did=True,
            status=EngagementStatus.SUBMITTED,
        )
        engagement.themes.add(theme)
        principle.engagements.add(engagement)
        PlanItemFactory(
            member=member, start_year=PERIOD.start_year, area=area, due_by=day, done_by=engagement
        )
        # Voice: a consultation with a finding shown, a Children in Care Council matter shown.
        consultation = ConsultationFactory(held_from=day, aged_11_to_15=young_people + 1)
        finding = FindingFactory(
            consultation=consultation, status=FindingStatus.SHOWN, we_did="More drop-in hours."
        )
        finding.themes.add(theme)
        matter = MatterFactory(
            raised_on=day,
            due_on=day + datetime.timedelta(days=20),
            response="Every placement now has wi-fi.",
            answered_at=at(day + datetime.timedelta(days=5)),
            shown_publicly_at=at(day + datetime.timedelta(days=6)),
        )
        matter.themes.add(theme)
        # Performance: three years of an indicator's figures.
        indicator = IndicatorFactory()
        for year in (2022, 2023, 2024):
            MeasurementFactory(
                indicator=indicator,
                period=str(year),
                period_start=datetime.date(year, 4, 1),
                value=Decimal(80 + year - 2022),
                england=Decimal("78"),
                statistical_neighbours=Decimal("79"),
            )
        # The offer: an entry added in the year, feedback answered in public.
        entry = OfferEntryFactory(created_at=at(day))
        feedback = FeedbackFactory(
            entry=entry,
            status=Feedback.Status.PUBLISHED,
            created_at=at(day),
            you_said="You said the bus pass ended too soon.",
            we_did="It now lasts until 21.",
        )
        feedback.themes.add(theme)
        # Partners: a pledge made for the year with its progress, a self-assessment completed.
        pledge = Pledge.objects.create(
            organisation=org,
            year=PERIOD.start_year,
            what=f"Ten apprenticeships for care leavers ({i})",
            for_whom="care_leavers",
            how_shown="Starts each term",
            due_on=day + datetime.timedelta(days=60),
            principle=principle,
            made_at=at(day),
            done_on=day + datetime.timedelta(days=30),
        )
        ProgressUpdate.objects.create(pledge=pledge, reported_on=day, summary="Four started.")
    SelfAssessment.objects.get_or_create(
        organisation=org, year=PERIOD.start_year, defaults={"completed_at": at(DAY)}
    )


def plant_private(word: str = WORD) -> None:
    """Records of the year the public never sees, each carrying the word."""
    noted = DecisionStatus.objects.get_or_create(name="Noted")[0]
    theme = Theme.objects.order_by("position").first()
    public_body = BodyFactory(slug="cpp", name="Corporate Parenting Panel", is_public=True)
    private_body = BodyFactory(slug="private", name=f"{word} Board", is_public=False)
    young = core.councillor(full_name=f"{word} Young")
    Membership.objects.create(body=public_body, user=young, role=MemberRole.YOUNG_PEOPLE)
    meetings = [
        # A private body's meeting; a public body's meeting never published.
        MeetingFactory(
            body=private_body, date=DAY, status="minutes_approved", agenda_published_at=at(DAY)
        ),
        MeetingFactory(body=public_body, date=DAY, status="minutes_approved"),
    ]
    published = MeetingFactory(
        body=public_body, date=DAY, status="minutes_approved", agenda_published_at=at(DAY)
    )
    Attendance.objects.create(meeting=published, kind="present", user=young, name=young.full_name)
    exempt = AgendaItemFactory(
        meeting=published, title="Exempt business", is_exempt=True, exempt_paragraph="1"
    )
    for item in [AgendaItemFactory(meeting=m, title=word) for m in meetings] + [exempt]:
        Resolution.objects.create(item=item, position=1, text=word, decision_status=noted)
    PlannedItem.objects.create(
        body=private_body, title=word, month=DAY.replace(day=1), original_month=DAY.replace(day=1)
    )
    PlannedItem.objects.create(
        body=public_body,
        title=word,
        month=DAY.replace(day=1),
        original_month=DAY.replace(day=1),
        outcome="dropped",
    )
    # Engagements not chosen for "you said, we did", and a draft.
    for status in (EngagementStatus.SUBMITTED, EngagementStatus.DRAFT):
        engagement = EngagementFactory(
            date=DAY,
            status=status,
            young_people_said=word,
            follow_up_requested=word,
            what_we_did=word,
        )
        engagement.themes.add(theme)
    # Feedback waiting for moderation, and feedback moderated but not shown.
    for moderation in (Feedback.Status.NEW, Feedback.Status.HIDDEN):
        feedback = FeedbackFactory(
            text=word, you_said=word, we_did=word, status=moderation, created_at=at(DAY)
        )
        feedback.themes.add(theme)
    # A consultation whose finding was not shown; a quote of a shown finding (quotes stay in).
    hidden = FindingFactory(
        consultation=ConsultationFactory(title=word, held_from=DAY),
        statement=word,
        we_did=word,
        status=FindingStatus.APPROVED,
    )
    hidden.themes.add(theme)
    shown = FindingFactory(
        consultation=ConsultationFactory(held_from=DAY), status=FindingStatus.SHOWN, we_did="Done."
    )
    shown.themes.add(theme)
    QuoteFactory(finding=shown, text=word)
    # A matter answered but not shown publicly.
    MatterFactory(
        raised_on=DAY, title=word, asked=word, response=word, answered_at=at(DAY)
    ).themes.add(theme)
    # A draft offer entry added in the year; a draft pledge; a retired indicator and priority.
    OfferEntryFactory(title=word, status=OfferEntry.Status.DRAFT, created_at=at(DAY))
    Pledge.objects.create(
        organisation=PartnerOrganisation.objects.create(
            slug="draft-org", name="Draft College", kind=OrganisationKind.EDUCATION
        ),
        year=PERIOD.start_year,
        what=word,
        for_whom="care_leavers",
        how_shown=word,
        due_on=DAY,
        principle=Principle.objects.get(letter="a"),
    )
    MeasurementFactory(
        indicator=IndicatorFactory(name=word, retired_at=at(DAY)),
        period="2024",
        period_start=datetime.date(2024, 4, 1),
    )
    Priority.objects.create(name=word, slug="retired", retired_at=at(DAY))


def by_key(sections: list[Section]) -> dict[str, Section]:
    return {section.key: section for section in sections}


def figure(section: Section, key: str) -> tuple[str, str]:
    [found] = [f for f in section.figures if f.key == key]
    return found.value, found.url


def test_every_section_of_a_planted_year_holds_its_figures_with_their_pages():
    plant()
    sections = by_key(assemble(PERIOD))
    assert list(sections) == list(SECTION_KEYS)
    assert not any(s.empty for s in sections.values())
    for section in sections.values():
        assert section.young and 2 <= len(section.young) <= 4
        data = json.loads(json.dumps(section.to_dict()))
        assert Section.from_dict(data) == section

    panel = sections["panel"]
    assert figure(panel, "meetings_held") == ("1", "/panels/public/")
    assert figure(panel, "decisions")[0] == "1"
    assert figure(panel, "attendance_percent")[0] == "100%"
    assert figure(panel, "young_people_present")[0] == "6"
    programme = panel.tables[-1]
    assert programme.rows[0][3].text == "Taken at the meeting on 15 October 2024"
    assert programme.rows[0][1].url == "/panels/public/bodies/cpp/programme/"
    assert panel.charts[0].series[0].values == [100.0]

    champions = sections["champions"]
    assert figure(champions, "engagements")[0] == "1"
    assert figure(champions, "plan_items_done")[0] == "1"
    assert figure(champions, "dbs_cleared")[0] == "1"
    assert figure(champions, "you_said_we_did") == ("1", "/offer/you-said-we-did/")

    voice = sections["voice"]
    assert figure(voice, "consultations")[0] == "1"
    assert figure(voice, "took_part")[0] == str(Consultation.objects.get().took_part)
    assert figure(voice, "council_matters")[0] == "1"
    said = [row[3].text for row in voice.tables[-1].rows]
    assert "Every placement now has wi-fi." in said and "It now lasts until 21." in said

    performance = sections["performance"]
    [scorecard] = performance.tables
    assert [c.text for c in scorecard.rows[0][2:5]] == ["80% (2022)", "81% (2023)", "82% (2024)"]
    assert scorecard.rows[0][5].text == "78%" and scorecard.rows[0][6].text == "79%"
    assert performance.charts[0].series[0].values == [80.0, 81.0, 82.0]
    assert performance.notes == []  # real figures: nothing marked as invented

    offer = sections["offer"]
    assert figure(offer, "entries_added")[0] == "1"
    assert offer.tables[1].rows[0][0].url.startswith("/offer/help/")

    partners = sections["partners"]
    assert figure(partners, "pledges_done")[0] == "1"
    assert figure(partners, "self_assessments")[0] == "1"
    assert partners.tables[0].rows[0][0].url == "/partners/public/college/"

    strategy = sections["strategy"]
    assert figure(strategy, "actions_set")[0] == "1"
    assert figure(strategy, "actions_done")[0] == "1"

    principles = sections["principles"]
    assert figure(principles, "principle_b")[0] == "3"  # an action, an engagement, a pledge
    assert "(c)" in principles.notes[0]


def test_small_counts_of_young_people_are_withheld_and_demo_figures_marked():
    plant(young_people=3)
    MeasurementFactory(
        indicator=IndicatorFactory(name="Invented"),
        period="2024",
        period_start=datetime.date(2024, 4, 1),
        is_demo=True,
    )
    sections = by_key(assemble(PERIOD, ["panel", "champions", "performance"]))
    for key, name in (("panel", "young_people_present"), ("champions", "young_people_met")):
        [found] = [f for f in sections[key].figures if f.key == name]
        assert (found.value, found.number) == ("fewer than 5", None)
    assert "invented for the demonstration" in sections["performance"].notes[0]


def test_a_year_without_records_says_so_in_every_section():
    sections = assemble(PERIOD)
    assert [s.key for s in sections] == list(SECTION_KEYS)
    for section in sections:
        assert section.empty, section.key
        assert "2024/25" in section.summary and 2 <= len(section.young) <= 4
        assert Section.from_dict(json.loads(json.dumps(section.to_dict()))) == section


def test_nothing_private_unpublished_or_unmoderated_reaches_the_report():
    plant()
    plant_private()
    for section in assemble(PERIOD):
        assert not section.empty, section.key
        assert WORD.lower() not in json.dumps(section.to_dict()).lower(), section.key


def test_the_report_makes_the_same_queries_whatever_the_year_s_size():
    plant(1)
    assert_constant_queries_of(lambda: assemble(PERIOD), lambda: plant(3))


def test_a_long_scorecard_charts_the_indicators_off_target_first_and_tables_them_all():
    """A hundred indicators made a 71-page PDF: a chart each. The table keeps every one; the
    charts are the few furthest from target, and the note says so."""
    for n in range(9):
        MeasurementFactory(
            indicator=IndicatorFactory(code=f"K{n}", name=f"Measure {n}"),
            period="2024",
            period_start=datetime.date(2024, 4, 1),
            value=Decimal(60 if n in (4, 7) else 90),  # two off target (red), the rest green
        )
    [performance] = assemble(PERIOD, ["performance"])
    assert len(performance.tables[0].rows) == 9
    titles = [chart.title for chart in performance.charts]
    assert len(titles) == 6
    assert titles[:2] == ["Measure 4: three years", "Measure 7: three years"]
    assert "The charts show 6 of the 9 indicators" in " ".join(performance.notes)
    assert [f.key for f in performance.figures] == [
        "indicators",
        "on_target",
        "near_target",
        "off_target",
        "improving",
    ]


def test_a_chart_tilts_axis_labels_too_long_for_their_place_and_names_every_series_in_full():
    from annual.charts import draw_chart
    from annual.snapshot import Chart, Series

    names = ["This council", "England", "Statistical neighbours"]
    short = draw_chart(
        Chart(
            title="Three years",
            kind="line",
            labels=["2022", "2023", "2024"],
            series=[Series(name=name, values=[1, 2, 3]) for name in names],
        ),
        "a",
    )
    assert "rotate(" not in short
    assert all(f">{name}</text>" in short for name in names)
    areas = ["Children in Care", "Care leavers", "Education and schools", "Health", "Housing"]
    long = draw_chart(
        Chart(
            title="By area",
            kind="bar",
            labels=areas * 2,
            series=[Series(name="Engagements", values=[1.0] * 10)],
        ),
        "b",
    )
    assert long.count("rotate(-35") == 10
    assert ">Education and schools</text>" in long
