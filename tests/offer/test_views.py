import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from corporate_parenting.models import AuditEvent
from offer.models import Indicator, OfferEntry
from tests.helpers import assert_constant_queries
from tests.offer.factories import (
    FeedbackFactory,
    IndicatorFactory,
    MeasurementFactory,
    OfferCategoryFactory,
    OfferEntryFactory,
)
from tests.strategy.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def test_offer_home_lists_categories_and_works_signed_out(client):
    OfferCategoryFactory(name="Money")
    response = client.get("/offer/")
    assert response.status_code == 200
    assert b"Money" in response.content and b"Was this page useful?" in response.content


def test_draft_entries_are_not_public(client):
    entry = OfferEntryFactory(status=OfferEntry.Status.DRAFT)
    assert client.get(f"/offer/help/{entry.slug}/").status_code == 404


def test_entry_page_says_how_to_get_it(client):
    entry = OfferEntryFactory(
        title="Council Tax exemption", how_to_get="Ask your PA.", contact_phone="01234 567890"
    )
    content = client.get(f"/offer/help/{entry.slug}/").content
    assert b"Ask your PA." in content and b"tel:01234567890" in content


def _pdf_text(content: bytes) -> str:
    """The words of a PDF read back, with line breaks as spaces."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def test_booklet_is_a_pdf_of_the_published_offer(client):
    OfferEntryFactory(title="Council Tax exemption")
    OfferEntryFactory(title="Draft help", status=OfferEntry.Status.DRAFT)
    response = client.get("/offer/booklet.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Council Tax exemption" in text and "Draft help" not in text


@pytest.mark.parametrize(
    "url", ["/offer/manage/", "/offer/manage/feedback/", "/offer/manage/feedback/?show=all"]
)
def test_officer_lists_make_the_same_queries_however_many_rows(client_for, url):
    FeedbackFactory(entry=OfferEntryFactory())
    assert_constant_queries(
        client_for("officer"),
        url,
        lambda: [FeedbackFactory(entry=OfferEntryFactory()) for _ in range(5)],
    )


def test_you_said_we_did_makes_the_same_queries_however_many_items(client):
    from tests.champions.factories import EngagementFactory

    def grow():
        for n in range(3):
            FeedbackFactory(
                status="published", you_said=f"Said {n}", we_did=f"Did {n}",
                moderated_at=timezone.now(),
            )  # fmt: skip
            EngagementFactory(
                young_people_said=f"Said {n}", follow_up_status="done",
                follow_up_response=f"Did {n}", show_in_you_said_we_did=True,
            )  # fmt: skip

    assert_constant_queries(client, "/offer/you-said-we-did/", grow)


def test_search_query_count_is_constant(client):
    category = OfferCategoryFactory()
    OfferEntryFactory(category=category, title="Council Tax exemption")
    assert_constant_queries(
        client,
        "/offer/search/?q=tax",
        lambda: [
            OfferEntryFactory(category=OfferCategoryFactory(), title=f"Tax help {n}")
            for n in range(5)
        ],
    )


def test_officer_adds_an_entry_and_it_is_searchable(client_for, officer, client):
    category = OfferCategoryFactory()
    response = client_for("officer").post(
        "/offer/manage/new/",
        {
            "category": category.pk,
            "title": "Help with Council Tax",
            "summary": "You do not pay it.",
            "age_from": 18,
            "age_to": 25,
            "for_former_relevant": "on",
            "kind": "extra",
            "owner": officer.pk,
            "review_by": "2030-01-31",
            "status": "published",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = OfferEntry.objects.get()
    assert entry.slug == "help-with-council-tax"
    assert list(OfferEntry.objects.search("council tax")) == [entry]
    assert AuditEvent.objects.for_object(entry).get().action == "created"


def test_entry_form_errors_keep_what_was_typed(client_for):
    category = OfferCategoryFactory()
    response = client_for("officer").post(
        "/offer/manage/new/",
        {
            "category": category.pk,
            "title": "Kept title",
            "summary": "",
            "age_from": 20,
            "age_to": 18,
            "kind": "extra",
            "review_by": "not a date",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kept title" in content
    assert "Enter a summary" in content
    assert "Enter the review date as a real date" in content


def test_editing_an_entry_records_the_change(client_for, officer):
    entry = OfferEntryFactory(title="Old title", owner=officer)
    data = {
        "category": entry.category.pk,
        "title": "New title",
        "summary": entry.summary,
        "age_from": 16,
        "age_to": 25,
        "for_eligible": "on",
        "kind": "statutory",
        "owner": officer.pk,
        "review_by": "2030-01-31",
        "status": "published",
    }
    assert client_for("officer").post(f"/offer/manage/{entry.pk}/", data).status_code == 302
    event = AuditEvent.objects.for_object(entry).get()
    assert event.changes["title"] == ["Old title", "New title"]


def test_manage_list_flags_entries_past_review(client_for):
    OfferEntryFactory(title="Stale", review_by=timezone.localdate() - datetime.timedelta(days=1))
    content = client_for("officer").get("/offer/manage/?past_review=1").content
    assert b"Stale" in content and b"Past review" in content


def test_officer_home_panel_shows_own_overdue_entries_and_waiting_feedback(client_for, officer):
    OfferEntryFactory(
        title="My stale entry",
        owner=officer,
        review_by=timezone.localdate() - datetime.timedelta(days=3),
    )
    OfferEntryFactory(
        title="Someone else's", review_by=timezone.localdate() - datetime.timedelta(days=3)
    )
    FeedbackFactory()
    from django.test import RequestFactory

    from offer.home import home_panels

    request = RequestFactory().get("/")
    request.user = officer
    html = "".join(home_panels(request))
    assert "My stale entry" in html and "Someone else" not in html
    assert "1 piece of feedback" in html


def test_home_panel_is_empty_for_councillors(councillor):
    from django.test import RequestFactory

    from offer.home import home_panels

    FeedbackFactory()
    request = RequestFactory().get("/")
    request.user = councillor
    assert home_panels(request) == []


def _indicator_with_history(n: int, periods: int = 14) -> None:
    names = ["Stability", "Education, employment and training", "Health"]
    priority = PriorityFactory(slug=f"p{n % 3}", name=names[n % 3], position=n % 3)
    indicator = IndicatorFactory(code=f"K{n}", priority=priority)
    for year in range(periods):
        MeasurementFactory(
            indicator=indicator,
            period=str(2000 + year),
            value=Decimal(50 + year),
            england=Decimal(60),
        )


def test_scorecard_shows_rag_trend_and_comparators(client_for):
    _indicator_with_history(1, periods=3)
    content = client_for("councillor").get("/offer/kpis/").content.decode()
    assert "Education, employment and training" in content
    assert "Red: off target" in content and "Better" in content and "England: 60%" in content
    assert 'role="img"' in content


def test_scorecard_query_count_is_constant(client_for):
    _indicator_with_history(1)
    client = client_for("councillor")

    def more_indicators() -> None:
        for n in range(2, 8):
            _indicator_with_history(n)

    count = assert_constant_queries(client, "/offer/kpis/", more_indicators)
    assert count <= 6


def test_scorecard_exports(client_for):
    _indicator_with_history(1, periods=2)
    client = client_for("officer")
    csv_text = client.get("/offer/kpis/?export=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Priority,Code,Indicator")
    assert "K1" in csv_text
    text = _pdf_text(client.get("/offer/kpis/scorecard.pdf").content)
    assert "KPI scorecard" in text and "Education, employment and training" in text
    assert "▲ Better" in text


def test_indicator_page_shows_history_with_comparators(client_for):
    _indicator_with_history(1, periods=3)
    client = client_for("councillor")
    content = client.get("/offer/kpis/K1/").content.decode()
    assert "2002" in content and "2000" in content and "60%" in content
    csv_text = client.get("/offer/kpis/K1/?export=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].startswith("2002,52,Percent")


def test_indicator_page_makes_the_same_queries_however_long_its_history(client_for):
    _indicator_with_history(1, periods=2)
    assert_constant_queries(
        client_for("councillor"),
        "/offer/kpis/K1/",
        lambda: [
            MeasurementFactory(indicator=Indicator.objects.get(code="K1"), period=str(2050 + n))
            for n in range(5)
        ],
    )


def test_embed_gives_a_table_and_charts():
    from offer.embed import embed_kpis

    _indicator_with_history(1, periods=3)
    html = embed_kpis(["K1", "missing"])
    assert "<table" in html and 'role="img"' in html


def test_you_said_we_did_includes_champion_follow_ups_marked_for_it(client):
    from tests.champions.factories import EngagementFactory

    EngagementFactory(
        young_people_said="We want a drop-in on Saturdays",
        follow_up_requested="Ask the youth service",
        follow_up_status="done",
        follow_up_response="The youth centre now opens on Saturdays",
        show_in_you_said_we_did=True,
    )
    EngagementFactory(young_people_said="Not marked for the page")
    page = client.get("/offer/you-said-we-did/").content.decode()
    assert "We want a drop-in on Saturdays" in page
    assert "The youth centre now opens on Saturdays" in page
    assert "Not marked for the page" not in page


def test_officers_find_the_management_pages_from_the_offer(client_for, client):
    assert b"/offer/manage/" in client_for("officer").get("/offer/").content
    assert b"/offer/manage/" not in client.get("/offer/").content
