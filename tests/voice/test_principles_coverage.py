"""The principles coverage: for a political year, how often the work named each principle and
through what, the principles left untouched, the records to open, the CSV; a fixed number of
queries whatever the data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.years import political_year_starting
from offer.models import OfferEntry
from panels.reports.models import Report
from partners.models import PartnerOrganisation, Pledge
from tests import factories
from tests.champions.factories import EngagementFactory
from tests.helpers import assert_constant_queries
from tests.offer.factories import OfferEntryFactory
from tests.panels.factories import AgendaItemFactory, MeetingFactory
from tests.voice.factories import ConsultationFactory, FindingFactory
from voice.coverage import SOURCES, csv_rows, principles_coverage
from voice.models import FindingStatus, Principle

pytestmark = pytest.mark.django_db

# May to April, as the portal's settings start the political year.
YEAR = political_year_starting(2025, 5)
URL = reverse("voice:principles_coverage")


def _tag(record, letters):
    record.principles.set(Principle.objects.filter(letter__in=letters))
    return record


def _item(day):
    return AgendaItemFactory(meeting=MeetingFactory(date=day))


def report(day, letters, *, title="Care leavers' housing protocol", published=False):
    author = factories.officer()
    made = Report.objects.create(
        item=_item(day),
        title=title,
        author=author,
        sponsor=factories.officer(),
        published_at=timezone.now() if published else None,
        status="published" if published else "draft",
    )
    return _tag(made, letters)


def resolution(day, letters, *, action=False, text="That the update be noted."):
    from panels.models import Resolution

    made = Resolution.objects.create(
        item=_item(day),
        position=1,
        text=text,
        is_action=action,
        status="open" if action else "",
        due_next_meeting=action,
        owner_is_members=action,
    )
    return _tag(made, letters)


def engagement(day, letters, **extra):
    return _tag(EngagementFactory(date=day, **extra), letters)


def entry(day, letters, **extra):
    made = OfferEntryFactory(**extra)
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    OfferEntry.objects.filter(pk=made.pk).update(updated_at=noon)
    return _tag(made, letters)


def finding(day, letters, **extra):
    return _tag(FindingFactory(consultation=ConsultationFactory(held_from=day), **extra), letters)


def pledge(day, letter, *, made=True):
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return Pledge.objects.create(
        organisation=PartnerOrganisation.objects.get_or_create(
            slug="trust", defaults={"name": "Trust", "kind": "nhs"}
        )[0],
        year=day.year,
        what=f"A pledge serving ({letter})",
        for_whom="both",
        how_shown="Counted",
        due_on=day,
        principle=Principle.objects.get(letter=letter),
        made_at=noon if made else None,
    )


def _counts(coverage, letter):
    row = next(r for r in coverage.rows if r.principle.letter == letter)
    return {touch.source.key: touch.count for touch in row.touches}


def test_each_source_counts_in_its_year_and_not_the_next(portal_admin):
    report(YEAR.end, "ab")
    report(YEAR.end + datetime.timedelta(days=1), "c")  # the first day of the next year
    resolution(YEAR.start, "a")
    resolution(YEAR.start - datetime.timedelta(days=1), "c")  # the last day of the year before
    resolution(YEAR.start, "b", action=True)
    engagement(YEAR.end, "a")
    engagement(YEAR.end, "a", status="draft")  # not submitted: not counted
    engagement(YEAR.end + datetime.timedelta(days=1), "c")
    entry(YEAR.start, "g")
    entry(YEAR.end + datetime.timedelta(days=1), "c")
    finding(YEAR.start, "d")
    finding(YEAR.start, "f", status=FindingStatus.PENDING)  # not moderated: not counted
    pledge(YEAR.end, "e")
    pledge(YEAR.end, "f", made=False)  # a draft: not counted

    coverage = principles_coverage(YEAR, user=portal_admin)
    assert _counts(coverage, "a") == {
        "reports": 1,
        "decisions": 1,
        "actions": 0,
        "engagements": 1,
        "offer_entries": 0,
        "findings": 0,
        "pledges": 0,
    }
    assert _counts(coverage, "b") == {
        "reports": 1,
        "decisions": 0,
        "actions": 1,
        "engagements": 0,
        "offer_entries": 0,
        "findings": 0,
        "pledges": 0,
    }
    assert _counts(coverage, "g")["offer_entries"] == 1
    assert _counts(coverage, "d")["findings"] == 1
    assert _counts(coverage, "e")["pledges"] == 1
    assert [row.principle.letter for row in coverage.untouched] == ["c", "f"]
    assert coverage.totals == [2, 1, 1, 1, 1, 1, 1]

    following = principles_coverage(political_year_starting(2026, 5), user=portal_admin)
    assert _counts(following, "c") == {
        "reports": 1,
        "decisions": 0,
        "actions": 0,
        "engagements": 1,
        "offer_entries": 1,
        "findings": 0,
        "pledges": 0,
    }


def test_the_page_shows_counts_links_and_the_principles_left_untouched(client_for):
    made = report(YEAR.start, "f", title="Placement stability")
    action = resolution(YEAR.start, "f", action=True, text="That officers review moves")
    page = client_for("officer").get(URL, {"year": YEAR.start_year}).text
    assert "Principles coverage, 2025/26" in page
    assert "1 of 7 principles touched in 2025/26." in page
    assert "Not touched this year: (a) Best interests, health and wellbeing;" in page
    assert page.count("Not touched this year") == 7  # the warning, and under each of six
    assert "Named 2 times in 2025/26." in page
    assert f'href="{made.get_absolute_url()}">Placement stability</a>' in page
    assert f'href="{action.get_absolute_url()}">That officers review moves</a>' in page


def test_a_year_with_nothing_named_says_every_principle_is_untouched(client_for):
    page = client_for("councillor").get(URL, {"year": YEAR.start_year}).text
    assert "0 of 7 principles touched in 2025/26." in page
    assert page.count("None of the year’s work named this principle") == 7


def test_councillors_see_the_same_counts_but_only_open_what_they_may(client_for):
    draft = report(YEAR.start, "e", title="A draft in preparation")
    officer_page = client_for("officer").get(URL, {"year": YEAR.start_year}).text
    councillor_page = client_for("councillor").get(URL, {"year": YEAR.start_year}).text
    for page in (officer_page, councillor_page):
        assert "1 of 7 principles touched in 2025/26." in page
    assert "A draft in preparation" in officer_page
    assert draft.title not in councillor_page
    assert "1 more not listed here" in councillor_page


def test_only_the_newest_are_listed_and_the_rest_are_said(client_for, monkeypatch):
    monkeypatch.setattr("voice.coverage.LISTED", 2)
    for n in range(3):
        report(YEAR.start + datetime.timedelta(days=n), "d", title=f"Report number {n}")
    page = client_for("admin").get(URL, {"year": YEAR.start_year}).text
    assert "Report number 2" in page and "Report number 1" in page
    assert "Report number 0" not in page
    assert "1 more not listed here" in page


def test_the_csv_has_a_row_for_each_principle(client_for):
    report(YEAR.start, "b")
    response = client_for("officer").get(
        reverse("voice:principles_coverage_csv"), {"year": YEAR.start_year}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('principles-coverage-2025.csv"')
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Principle,Children and Social Work Act 2017,Reports,Decisions")
    assert len(lines) == 8
    assert lines[2] == "(b) Express their views,section 1(1)(b),1,0,0,0,0,0,0,1,Yes"
    assert lines[3].endswith(",0,0,0,0,0,0,0,0,No: not touched this year")


def test_csv_rows_follow_the_sources(portal_admin):
    rows = list(csv_rows(principles_coverage(YEAR, user=portal_admin)))
    assert rows[0][2 : 2 + len(SOURCES)] == [source.label for source in SOURCES]


@pytest.mark.parametrize(
    "year", ["\x00", "2025\r\nX", "9" * 10_000, "-1", "1999", "2099", "abc", "２０２５"]
)
def test_a_hostile_year_shows_the_current_year_with_an_error(client_for, year):
    client = client_for("officer")
    response = client.get(URL, {"year": year})
    assert response.status_code == 200
    assert "Choose a year from the list" in response.text
    assert client.get(reverse("voice:principles_coverage_csv"), {"year": year}).status_code == 200


@pytest.mark.parametrize("role", ["councillor", "officer", "admin"])
def test_a_post_is_refused_and_changes_nothing(client_for, role):
    made = report(YEAR.start, "a")
    for name in ("voice:principles_coverage", "voice:principles_coverage_csv"):
        response = client_for(role).post(reverse(name), {"year": YEAR.start_year})
        assert response.status_code == 405
    assert list(made.principles.values_list("letter", flat=True)) == ["a"]


@pytest.mark.parametrize("role", ["councillor", "admin"])
def test_the_page_keeps_a_constant_number_of_queries(client_for, councillor, role):
    def grow():
        for n in range(4):
            day = YEAR.start + datetime.timedelta(days=n)
            report(day, "ab", published=True)
            resolution(day, "bc")
            resolution(day, "cd", action=True)
            engagement(day, "de", member__user=councillor)
            entry(day, "ef")

    report(YEAR.start, "a")
    url = f"{URL}?year={YEAR.start_year}"
    queries = assert_constant_queries(client_for(role), url, grow)
    # Two a source (a grouped count; the newest records ranked, with their fields), and the
    # signed-in person, their second factor and the seven principles.
    assert queries <= 2 * len(SOURCES) + 3


def test_the_principles_page_and_the_navigation_link_to_the_coverage(client_for):
    page = client_for("councillor").get(reverse("voice:principles")).text
    assert "See which principles the year’s work touched (principles coverage)" in page
    nav = page[page.index('id="navigation"') : page.index("</nav>")]
    assert f'href="{URL}"' in nav and "Principles coverage" in nav
