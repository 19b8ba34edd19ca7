"""A report's "What children and young people have told us": chosen by the author for a
political year (or a quarter of it) and themes, printed on the report's page, in its PDF and in
the agenda pack, always as the public may read it: only what an officer chose to show, counts
under 5 as "fewer than 5", moderated words only."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from champions.models import FollowUpStatus
from corporate_parenting.years import current_political_year, political_year_for, years_later
from offer.models import Feedback
from panels.reports.pack import pack_content_key
from panels.reports.pdf import render_report_pdf
from panels.reports.voice import (
    QUARTER_NEEDS_YEAR,
    THEMES_NEED_YEAR,
    VoiceChoice,
    report_voice,
    voice_check,
)
from panels.services import reports as services
from tests.bench.pack import build_pack_meeting
from tests.champions.factories import EngagementFactory
from tests.helpers import assert_constant_queries
from tests.offer.factories import FeedbackFactory
from voice.models import Theme
from voice.told import TOO_FEW, public_trend, quarters_of, told_for_report

pytestmark = pytest.mark.django_db

HEADING = "What children and young people have told us"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _shown(day: dt.date, *slugs: str, said: str = "You said it", did: str = "We did it"):
    """Feedback an officer moderated and chose to show on "You said, we did"."""
    item = FeedbackFactory(
        created_at=_noon(day),
        status=Feedback.Status.PUBLISHED,
        text="the raw words a young person typed",
        you_said=said,
        we_did=did,
        moderated_at=_noon(day),
    )
    item.themes.set(Theme.objects.filter(slug__in=slugs))
    return item


def _hidden(day: dt.date, *slugs: str, said: str = "", status=Feedback.Status.HIDDEN):
    item = FeedbackFactory(
        created_at=_noon(day),
        status=status,
        text=f"raw {said}",
        you_said=said,
        moderated_at=_noon(day) if status != Feedback.Status.NEW else None,
    )
    item.themes.set(Theme.objects.filter(slug__in=slugs))
    return item


def _engagement(day: dt.date, *slugs: str, shown: bool, said: str, did: str = "We did it"):
    engagement = EngagementFactory(
        date=day,
        young_people_said=said,
        follow_up_requested="Look at it",
        follow_up_status=FollowUpStatus.DONE,
        follow_up_response=did,
        show_in_you_said_we_did=shown,
    )
    engagement.themes.set(Theme.objects.filter(slug__in=slugs))
    return engagement


@pytest.fixture
def report():
    """A published report on a public item of a published agenda: anyone may read it."""
    meeting = build_pack_meeting(reports=1, sections=0, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    report.voice_year = current_political_year().start_year
    report.save()
    report.voice_themes.set(Theme.objects.filter(slug__in=("housing", "money")))
    return report


@pytest.fixture
def told_records():
    """This year: housing 6 shown, money 2 shown, health 7 shown (not chosen); the year before:
    housing 3 shown. And words never chosen to be shown, tagged with housing."""
    today = timezone.localdate()
    for n in range(6):
        _shown(today, "housing", said=f"A first flat is hard ({n})", did="We found a buddy")
    for n in range(2):
        _shown(today, "money", said=f"Bills are confusing ({n})", did="We wrote a guide")
    for _ in range(7):
        _shown(today, "health-and-wellbeing")
    for _ in range(3):
        _shown(years_later(today, -1), "housing")
    _hidden(today, "housing", said="HIDDEN-MODERATED-WORDS")
    _hidden(today, "housing", said="UNMODERATED-WORDS", status=Feedback.Status.NEW)
    _engagement(today, "housing", shown=False, said="UNSHOWN-ENGAGEMENT-SAID", did="UNSHOWN-DID")
    _engagement(today, "money", shown=True, said="Shown engagement words", did="Officer answer")


def _page(client, report) -> str:
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def _pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def _row_text(text: str, theme: str) -> str:
    """The table row of a theme on the page: its cells, joined."""
    start = text.index(f'<th scope="row" class="govuk-table__header">{theme}</th>')
    return text[start : text.index("</tr>", start)]


@pytest.mark.parametrize("role", ["councillor", "officer"])
def test_the_page_shows_counts_for_the_chosen_themes_only_what_was_shown(
    client_for, report, told_records, role
):
    text = _page(client_for(role), report)
    year = current_political_year().label
    assert f"{HEADING}, {year}" in text
    housing = _row_text(text, "Housing")
    assert ">6<" in housing  # 6 shown this year; the hidden and unshown ones are not counted
    assert "fewer than 5" in housing  # the year before: 3
    assert "Up" in housing
    money = _row_text(text, "Money")
    assert "fewer than 5" in money  # 2 pieces of feedback and 1 engagement
    assert "Health and wellbeing" not in text  # not chosen
    # Where it came from: every source, the consultations and the Council's too.
    assert "none yet" not in text.lower() and "Children in Care Council" in text
    # The words: moderated and chosen to be shown, never the raw text or what was not shown.
    assert "A first flat is hard" in text and "We found a buddy" in text
    assert "Shown engagement words" in text and "Officer answer" in text
    for private in (
        "HIDDEN-MODERATED-WORDS",
        "UNMODERATED-WORDS",
        "UNSHOWN-ENGAGEMENT-SAID",
        "UNSHOWN-DID",
        "the raw words a young person typed",
    ):
        assert private not in text


def test_no_theme_chosen_is_every_active_theme(report, told_records):
    report.voice_themes.clear()
    told = report_voice(report)
    assert told is not None
    names = [row.theme.name for row in told.rows]
    assert {"Housing", "Money", "Health and wellbeing"} <= set(names)
    retired = Theme.objects.get(slug="money")
    retired.retired_at = timezone.now()
    retired.save()
    told = report_voice(report)
    assert told is not None
    assert "Money" not in [row.theme.name for row in told.rows]


def test_a_quarter_is_compared_with_the_same_quarter_a_year_before(report):
    today = timezone.localdate()
    year = political_year_for(today)
    quarter = next(q for q in quarters_of(year) if q.start <= today <= q.end)
    for _ in range(5):
        _shown(today, "housing")
    for _ in range(9):  # the same part of the quarter a year before
        _shown(years_later(today, -1), "housing")
    _shown(years_later(year.start, -1) - dt.timedelta(days=1), "housing")  # not in it
    told = told_for_report(year, quarter=quarter.number, theme_ids=[])
    row = next(r for r in told.rows if r.theme.slug == "housing")
    assert (row.in_period, row.period_before) == (5, 9)
    assert row.public_period_trend == "Down"
    assert told.period_label == f"{quarter.label} {year.label}"
    assert told.period_compared_with == (
        years_later(quarter.start, -1),
        years_later(min(quarter.end, today), -1),
    )


@pytest.mark.parametrize(
    ("this", "before", "shown"),
    [
        (0, 0, TOO_FEW),
        (4, 1, TOO_FEW),
        (0, 3, TOO_FEW),
        (5, 0, "Up"),
        (2, 7, "Down"),
        (6, 6, "No change"),
    ],
)
def test_the_public_trend_never_tells_small_counts_apart(this, before, shown):
    assert public_trend(this, before) == shown


def test_the_pdf_prints_the_section_with_its_bookmark(report, told_records):
    pdf = render_report_pdf(report)
    text = _pdf_text(pdf)
    year = current_political_year().label
    assert f"{HEADING}, {year}" in text
    assert "Housing 6 fewer than 5 Up" in text
    assert "Money fewer than 5 fewer than 5 Too few to compare" in text
    assert "Where it came from" in text and "Children in Care Council" in text
    assert "A first flat is hard" in text and "We found a buddy" in text
    for private in ("HIDDEN-MODERATED-WORDS", "UNMODERATED-WORDS", "UNSHOWN-ENGAGEMENT-SAID"):
        assert private not in text
    outline = PdfReader(io.BytesIO(pdf)).outline
    nested = [
        str(b.title)
        for entry in outline
        if isinstance(entry, list)
        for b in entry
        if not isinstance(b, list)
    ]
    assert any(title.endswith(f"{HEADING}, {year}") for title in nested), nested


def test_the_public_pack_prints_the_section_and_is_made_again_only_for_public_changes(
    report, told_records
):
    meeting = report.item.meeting
    key = pack_content_key(meeting, "public")
    # What is not shown changes nothing the pack prints: the same pack.
    _hidden(timezone.localdate(), "housing", said="another hidden")
    _engagement(timezone.localdate(), "money", shown=False, said="another unshown")
    assert pack_content_key(meeting, "public") == key
    # One more piece shown: the count of housing moves from 6 to 7, a new pack.
    _shown(timezone.localdate(), "housing")
    assert pack_content_key(meeting, "public") != key
    # Leaving the section out is a change of the report.
    key = pack_content_key(meeting, "public")
    report.voice_year = None
    report.save()
    assert pack_content_key(meeting, "public") != key


def test_the_pack_prints_the_section(report, told_records):
    from panels.reports.pack import build_pack

    pdf, _pages = build_pack(report.item.meeting, "public")
    text = _pdf_text(pdf)
    assert HEADING in text and "Housing 6 fewer than 5 Up" in text
    assert "UNSHOWN-ENGAGEMENT-SAID" not in text and "HIDDEN-MODERATED-WORDS" not in text


def test_the_report_page_makes_the_same_queries_as_records_grow(client_for, report, told_records):
    today = timezone.localdate()

    def grow():
        for n in range(4):
            _shown(today, "housing", "money", said=f"More words {n}")
            _hidden(today, "housing", said=f"Hidden {n}")
            _engagement(today, "money", shown=n % 2 == 0, said=f"Engagement {n}")
            _shown(years_later(today, -1), "money")

    assert_constant_queries(client_for("officer"), report.get_absolute_url(), grow)


# ---------------------------------------------------------------- the author's choice


@pytest.fixture
def draft(officer):
    meeting = build_pack_meeting(reports=1, sections=0, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    report.status, report.published_at, report.author = "draft", None, officer
    report.save()
    return report


def _form(**extra):
    return {
        "title": "Care leavers report 1",
        "summary": "A summary kept",
        "recommendations": "That the panel note the update.",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "save": "",
        **extra,
    }


def test_the_author_chooses_a_year_a_quarter_and_themes(client_for, draft):
    year = current_political_year().start_year
    themes = Theme.objects.filter(slug__in=("housing", "money"))
    client_for("officer").post(f"/panels/reports/{draft.pk}/edit/", _form())
    response = client_for("officer").post(
        f"/panels/reports/{draft.pk}/edit/",
        _form(
            voice_year=str(year),
            voice_quarter="2",
            voice_themes=[str(t.pk) for t in themes],
        ),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.voice_year, draft.voice_quarter) == (year, 2)
    assert set(draft.voice_themes.all()) == set(themes)
    assert draft.version == 3
    latest = draft.versions.first()
    assert latest is not None and latest.content["voice"]["themes"] == ["Housing", "Money"]
    page = client_for("officer").get(f"/panels/reports/{draft.pk}/edit/").content.decode()
    assert f'<option value="{year}" selected>' in page
    # The history says what changed, in words.
    history = client_for("officer").get(f"/panels/reports/{draft.pk}/history/").content.decode()
    assert HEADING in history and "Themes: Housing, Money" in history


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"voice_quarter": "2"}, "voice_year", QUARTER_NEEDS_YEAR),
        ({"voice_themes": ["THEME"]}, "voice_year", THEMES_NEED_YEAR),
        ({"voice_year": "1999"}, "voice_year", "Choose a political year from the list"),
        ({"voice_year": "2\x0025"}, "voice_year", "Choose a political year from the list"),
        ({"voice_year": "Y", "voice_quarter": "9"}, "voice_quarter", "Choose a quarter from"),
        ({"voice_year": "Y", "voice_themes": ["x" * 10_000]}, "voice_themes", "Choose themes"),
        ({"voice_year": "Y", "voice_themes": ["\r\n"]}, "voice_themes", "Choose themes"),
    ],
)
def test_a_bad_choice_is_an_error_on_its_field_and_nothing_is_lost(
    client_for, draft, data, field, message
):
    year = str(current_political_year().start_year)
    housing = str(Theme.objects.get(slug="housing").pk)
    data = {
        k: ([housing if v == "THEME" else v for v in value] if isinstance(value, list) else value)
        for k, value in data.items()
    }
    data = {k: (year if v == "Y" else v) for k, v in data.items()}
    response = client_for("officer").post(f"/panels/reports/{draft.pk}/edit/", _form(**data))
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text
    assert re.search(rf'id="id_{field}_\d+_error"', text), f"no error on {field}"
    assert message in text
    assert "A summary kept" in text
    draft.refresh_from_db()
    assert draft.version == 1 and draft.voice_year is None


def test_the_service_refuses_what_the_form_would(draft):
    with pytest.raises(ValidationError) as error:
        voice_check(VoiceChoice(year=None, quarter=3))
    assert error.value.message_dict == {"voice_year": [QUARTER_NEEDS_YEAR]}
    retired = Theme.objects.get(slug="money")
    retired.retired_at = timezone.now()
    retired.save()
    with pytest.raises(ValidationError) as error:
        services.report_update(
            actor=draft.author,
            report=draft,
            fields={"title": draft.title},
            voice=VoiceChoice(year=current_political_year().start_year, themes=[retired]),
        )
    assert "voice_themes" in error.value.message_dict
    # A theme retired after the report chose it stays chosen.
    draft.voice_year = current_political_year().start_year
    draft.save()
    draft.voice_themes.set([retired])
    services.report_update(
        actor=draft.author,
        report=draft,
        fields={"title": draft.title},
        voice=VoiceChoice(year=draft.voice_year, themes=[retired]),
    )


def test_the_cached_report_pdf_is_made_again_only_when_the_section_changes(
    report, told_records, monkeypatch
):
    from django.core.cache import cache

    from panels.reports import pdf as pdf_module

    cache.clear()
    made = []

    def render(report):
        made.append(report.pk)
        return b"%PDF"

    monkeypatch.setattr(pdf_module, "render_report_pdf", render)
    pdf_module.report_pdf_cached(report)
    _hidden(timezone.localdate(), "housing", said="hidden again")
    pdf_module.report_pdf_cached(report)
    assert len(made) == 1  # nothing it prints changed
    _shown(timezone.localdate(), "housing")
    pdf_module.report_pdf_cached(report)
    assert len(made) == 2  # housing now counts 7


def test_an_exempt_paper_or_draft_minutes_never_remake_the_public_pack(report):
    """Found by the canary walk: uploading an exempt item's paper, or drafting the previous
    meeting's minutes, changed the public pack's key, so its time of making moved."""
    from panels.models import AgendaItem, Meeting

    meeting = report.item.meeting
    previous = Meeting.objects.create(
        body=meeting.body,
        date=meeting.date - dt.timedelta(days=30),
        start_time=dt.time(18, 30),
        status="held",
        agenda_published_at=timezone.now(),
    )
    held = AgendaItem.objects.create(meeting=previous, position=1, title="Held item")
    exempt = AgendaItem.objects.create(
        meeting=meeting, position=20, title="Provider fees", is_exempt=True, exempt_paragraph="3"
    )
    public, full = pack_content_key(meeting, "public"), pack_content_key(meeting, "full")
    exempt.report_file = "panels/reports/fees.pdf"
    exempt.report_file_at = timezone.now()
    exempt.save()
    held.discussion = "Draft words of the minutes."
    held.save()
    previous.status = "minutes_draft"
    previous.save()
    assert pack_content_key(meeting, "public") == public
    assert pack_content_key(meeting, "full") != full
    # Approved, the minutes are public and printed: a new public pack.
    previous.status = "minutes_approved"
    previous.save()
    assert pack_content_key(meeting, "public") != public
