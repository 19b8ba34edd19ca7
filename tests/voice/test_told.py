"""What children and young people told us: counts per theme per quarter and year, the trend,
where it came from, moderated words only, a CSV, and a public summary that reads only what an
officer chose to show, with counts under five shown as "fewer than 5"."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from champions.models import Engagement, FollowUpStatus
from corporate_parenting.small_numbers import public_count
from corporate_parenting.years import current_political_year
from offer.models import Feedback
from tests.champions.factories import EngagementFactory
from tests.helpers import assert_constant_queries
from tests.offer.factories import FeedbackFactory
from voice.models import Theme
from voice.told import trend, what_we_were_told

pytestmark = pytest.mark.django_db


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _engagement(day, *slugs, shown=False, **extra):
    if shown:
        extra |= {
            "follow_up_requested": "Look at it",
            "follow_up_status": FollowUpStatus.DONE,
            "follow_up_response": extra.pop("did", "We looked at it."),
            "show_in_you_said_we_did": True,
        }
    engagement = EngagementFactory(date=day, **extra)
    engagement.themes.set(Theme.objects.filter(slug__in=slugs))
    return engagement


def _feedback(day, *slugs, status=Feedback.Status.HIDDEN, **extra):
    item = FeedbackFactory(created_at=_noon(day), status=status, **extra)
    item.themes.set(Theme.objects.filter(slug__in=slugs))
    return item


def _published(day, *slugs, said="You said it", did="We did it", text="raw words"):
    return _feedback(
        day,
        *slugs,
        status=Feedback.Status.PUBLISHED,
        you_said=said,
        we_did=did,
        text=text,
        moderated_at=_noon(day),
    )


def _row(told, slug):
    return next(row for row in told.rows if row.theme.slug == slug)


@pytest.mark.parametrize(
    ("this_year", "year_before", "expected"),
    [
        (3, 1, "Up"),
        (1, 3, "Down"),
        (2, 2, "No change"),
        (0, 0, "None either year"),
        (4, 0, "New this year"),
        (0, 4, "Down"),
    ],
)
def test_trend_against_the_year_before(this_year, year_before, expected):
    assert trend(this_year, year_before) == expected


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (1200, "1,200")]
)
def test_a_count_under_five_is_fewer_than_5(count, shown):
    assert public_count(count) == shown


def test_counts_per_theme_per_quarter_and_year_from_submitted_and_moderated_only():
    year = current_political_year()
    _engagement(year.start, "housing", "money")
    _engagement(year.start, "housing")
    _feedback(year.start, "housing")  # moderated, not shown: counted for members
    _engagement(year.previous().start, "housing")
    _engagement(year.start, "housing", status="draft")  # a draft is not counted
    _feedback(year.start, "housing", status=Feedback.Status.NEW)  # nor unmoderated words
    told = what_we_were_told(year)
    housing = _row(told, "housing")
    assert housing.quarters == [3, 0, 0, 0]
    assert (housing.year, housing.year_before, housing.trend) == (3, 1, "Up")
    assert (housing.from_engagements, housing.from_feedback) == (2, 1)
    assert _row(told, "money").year == 1
    assert _row(told, "identity").trend == "None either year"
    assert [row.year for row in what_we_were_told(year, quarter=2).rows][:2] == [3, 1]
    assert what_we_were_told(year, quarter=2).rows[0].from_engagements == 0


def test_members_page_shows_counts_sources_and_only_words_an_officer_chose_to_show(client_for):
    year = current_political_year()
    _published(year.start, "money", said="You did not know about Council Tax", text="RAW WORDS")
    _feedback(year.start, "money", text="HIDDEN WORDS", you_said="HIDDEN PARAPHRASE")
    _engagement(year.start, "housing", shown=True, young_people_said="Flats are scary")
    _engagement(year.start, "housing", young_people_said="NOT SHOWN WORDS")
    page = client_for("councillor").get("/voice/").content.decode()
    assert "Counts by theme, " + year.label in page
    assert "Where it came from" in page and "None yet" not in page
    assert "‘You did not know about Council Tax’" in page
    assert "Flats are scary" in page and "We looked at it." in page
    for private in ("RAW WORDS", "HIDDEN WORDS", "HIDDEN PARAPHRASE", "NOT SHOWN WORDS"):
        assert private not in page


def test_empty_state_says_how_themes_get_tagged(client_for):
    page = client_for("officer").get("/voice/").content.decode()
    assert "Nothing tagged with a theme in" in page
    assert "Champions tag themes when they log an engagement" in page


def test_a_year_or_quarter_not_in_the_list_is_a_field_error(client_for):
    client = client_for("councillor")
    page = client.get("/voice/?year=1999&quarter=9").content.decode()
    assert "Choose a year from the list" in page
    assert "Choose a quarter from the list, or the whole year" in page
    assert f"Counts by theme, {current_political_year().label}" in page
    last = current_political_year().previous()
    page = client.get(f"/voice/?year={last.start_year}&quarter=2").content.decode()
    assert "told us, Q2 (" in page and last.label in page


def test_csv_shows_counts_under_five_as_fewer_than_5(client_for):
    year = current_political_year()
    for _ in range(5):
        _engagement(year.start, "housing")
    _engagement(year.start, "money")
    response = client_for("councillor").get(f"/voice/told.csv?year={year.start_year}")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Theme,Q1 (")
    housing = next(line for line in lines if line.startswith("Housing,"))
    money = next(line for line in lines if line.startswith("Money,"))
    assert housing.split(",")[1] == "5" and "New this year" in housing
    assert money.split(",")[1] == "fewer than 5"


def test_public_summary_counts_only_what_was_shown_and_hides_small_numbers(client):
    year = current_political_year()
    for n in range(5):
        _published(year.start, "housing", said=f"Shown words {n}")
    _published(year.start, "money", said="Money words", did="Money done")
    _feedback(year.start, "housing", text="HIDDEN WORDS")  # moderated but not shown
    _engagement(year.start, "housing", young_people_said="NOT SHOWN WORDS")
    page = client.get("/voice/public/").content.decode()
    housing = page[page.index(">Housing<") : page.index(">Money<")]
    assert ">5<" in housing
    money = page[page.index(">Money<") :]
    assert "fewer than 5" in money[:300]
    assert "Money words" in page and "Money done" in page
    for private in ("HIDDEN WORDS", "NOT SHOWN WORDS", "raw words", "Counts by theme"):
        assert private not in page
    assert "Where it came from" not in page and "Trend" not in page


def test_public_summary_empty_state_and_bad_year(client):
    page = client.get("/voice/public/?year=abc").content.decode()
    assert "Choose a year from the list" in page
    assert "Nothing to show for" in page


def test_pages_read_the_same_number_of_queries_however_many_records(client_for, client):
    year = current_political_year()

    def grow():
        for n in range(6):
            _engagement(year.start, "housing", "money", shown=n % 2 == 0)
            _published(year.start, "housing", "identity")
            _feedback(year.previous().start, "feeling-safe")

    grow()
    assert_constant_queries(client_for("officer"), "/voice/", grow)
    assert_constant_queries(client_for("councillor"), "/voice/told.csv", grow)
    assert_constant_queries(client, "/voice/public/", grow)


def test_demo_tags_engagements_and_moderated_feedback(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests-1")
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    assert Engagement.objects.filter(themes__slug="housing").exists()
    assert Feedback.objects.you_said_we_did().filter(themes__slug="money").exists()
    assert not Feedback.objects.awaiting_moderation().filter(themes__isnull=False).exists()
    tagged = Theme.engagements.through.objects.count() + Theme.feedback.through.objects.count()
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    again = Theme.engagements.through.objects.count() + Theme.feedback.through.objects.count()
    assert again == tagged
