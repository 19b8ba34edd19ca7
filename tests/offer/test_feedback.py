import pytest
from django.core.cache import cache

from offer.models import Feedback
from offer.services import FEEDBACK_LIMIT, client_key
from tests.offer.factories import FeedbackFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db


def test_useful_click_is_stored_without_the_address(client):
    entry = OfferEntryFactory()
    response = client.post(
        "/offer/feedback/",
        {"kind": "useful", "entry": entry.pk, "next": f"/offer/help/{entry.slug}/"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302 and response.url == f"/offer/help/{entry.slug}/"
    feedback = Feedback.objects.get()
    assert feedback.entry == entry and feedback.kind == "useful"
    assert feedback.status == Feedback.Status.HIDDEN  # a click has nothing to moderate
    stored = " ".join(str(v) for v in Feedback.objects.values().get().values())
    assert "203.0.113.9" not in stored
    assert "203.0.113.9" not in client_key("203.0.113.9")


def test_feedback_is_rate_limited_per_address(client):
    for _ in range(FEEDBACK_LIMIT):
        client.post("/offer/feedback/", {"kind": "useful"}, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        "/offer/feedback/", {"kind": "useful"}, REMOTE_ADDR="203.0.113.9", follow=True
    )
    assert b"You have sent a lot of feedback" in response.content
    assert Feedback.objects.count() == FEEDBACK_LIMIT
    client.post("/offer/feedback/", {"kind": "useful"}, REMOTE_ADDR="198.51.100.1")
    assert Feedback.objects.count() == FEEDBACK_LIMIT + 1


def test_rate_limit_lives_in_the_cache_under_a_hash(client):
    client.post("/offer/feedback/", {"kind": "useful"}, REMOTE_ADDR="203.0.113.9")
    assert cache.get(client_key("203.0.113.9")) == 1


def test_feedback_never_redirects_off_site(client):
    response = client.post("/offer/feedback/", {"kind": "useful", "next": "https://evil.example/"})
    assert response.url == "/offer/"


def test_missing_form_needs_words_and_says_no_personal_data(client):
    page = client.get("/offer/tell-us-what-is-missing/")
    assert b"no personal data" in page.content
    response = client.post("/offer/tell-us-what-is-missing/", {"text": "  "})
    assert response.status_code == 200
    assert (
        b"Tell us what is missing" in response.content
        and b"govuk-error-summary" in response.content
    )
    response = client.post(
        "/offer/tell-us-what-is-missing/", {"text": "Laptops", "page": "/offer/"}
    )
    assert response.status_code == 302
    assert Feedback.objects.awaiting_moderation().get().text == "Laptops"


def test_missing_form_rate_limited_keeps_what_was_typed(client):
    for _ in range(FEEDBACK_LIMIT):
        client.post("/offer/tell-us-what-is-missing/", {"text": "x"}, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        "/offer/tell-us-what-is-missing/", {"text": "Phones"}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 200
    assert b"You have sent a lot of feedback" in response.content
    assert b"Phones" in response.content


def test_unmoderated_feedback_is_never_public(client):
    FeedbackFactory(text="A secret worry")
    assert b"A secret worry" not in client.get("/offer/you-said-we-did/").content


def test_officer_publishes_feedback_in_their_own_words(client_for, client):
    item = FeedbackFactory(text="I did not know about council tax")
    officer = client_for("officer")
    response = officer.post(f"/offer/manage/feedback/{item.pk}/", {"decision": "publish"})
    assert response.status_code == 200
    assert b"Enter what we did about it" in response.content
    response = officer.post(
        f"/offer/manage/feedback/{item.pk}/",
        {
            "decision": "publish",
            "you_said": "You did not know about Council Tax",
            "we_did": "We told everyone",
        },
    )
    assert response.status_code == 302
    page = client.get("/offer/you-said-we-did/").content
    assert b"You did not know about Council Tax" in page and b"We told everyone" in page
    assert b"I did not know about council tax" not in page


def test_officer_hides_feedback(client_for):
    item = FeedbackFactory()
    client_for("officer").post(f"/offer/manage/feedback/{item.pk}/", {"decision": "hide"})
    item.refresh_from_db()
    assert item.status == Feedback.Status.HIDDEN
    assert not Feedback.objects.awaiting_moderation().exists()
