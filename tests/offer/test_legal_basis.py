"""An entry's legal basis (the law or guidance it rests on) is its own field: officers write it on
the entry form, and young people read it under 'Your right to this', so they can claim it."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from corporate_parenting.models import AuditEvent
from offer.models import OfferEntry
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db

STAYING_PUT = "Staying Put: section 23CZA Children Act 1989"


def test_officer_writes_the_legal_basis_and_it_is_recorded(client_for, officer):
    entry = OfferEntryFactory(title="Staying put", owner=officer, age_from=17, age_to=21)
    client = client_for("officer")
    form = client.get(f"/offer/manage/{entry.pk}/").content.decode()
    assert 'name="legal_basis"' in form
    response = client.post(
        f"/offer/manage/{entry.pk}/",
        {
            "category": entry.category.pk,
            "title": entry.title,
            "summary": entry.summary,
            "age_from": 17,
            "age_to": 21,
            "for_eligible": "on",
            "for_former_relevant": "on",
            "kind": "statutory",
            "legal_basis": STAYING_PUT,
            "owner": officer.pk,
            "review_by": "2030-01-31",
            "status": "published",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.legal_basis == STAYING_PUT
    event = AuditEvent.objects.for_object(entry).get()
    assert event.changes["legal_basis"] == ["", STAYING_PUT]


def test_a_legal_basis_on_two_lines_is_refused_on_its_field(client_for, officer):
    category = OfferCategoryFactory()
    response = client_for("officer").post(
        "/offer/manage/new/",
        {
            "category": category.pk,
            "title": "Staying put",
            "summary": "Stay with your foster carers.",
            "age_from": 18,
            "age_to": 21,
            "for_former_relevant": "on",
            "kind": "statutory",
            "legal_basis": "Children Act 1989\r\nsection 23CZA",
            "review_by": "2030-01-31",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert '<a href="#id_legal_basis">Enter this on one line' in response.content.decode()
    assert not OfferEntry.objects.exists()


def test_young_people_read_the_legal_basis_under_your_right_to_this(client):
    entry = OfferEntryFactory(title="Staying put", kind="statutory", legal_basis=STAYING_PUT)
    content = client.get(f"/offer/help/{entry.slug}/").content.decode()
    assert '<h2 class="govuk-heading-m" id="your-right">Your right to this</h2>' in content
    assert f"This right comes from: <strong>{STAYING_PUT}</strong>" in content
    # Only when there is one.
    other = OfferEntryFactory(title="Bus passes", kind="extra")
    assert 'id="your-right"' not in client.get(f"/offer/help/{other.slug}/").content.decode()


def test_demo_offer_names_the_law_for_some_entries():
    call_command("load_demo", stdout=io.StringIO())
    staying_put = OfferEntry.objects.get(slug="staying-put-with-your-foster-carers")
    assert staying_put.legal_basis == STAYING_PUT
    assert OfferEntry.objects.exclude(legal_basis="").count() >= 4
    assert OfferEntry.objects.filter(legal_basis="").exists()
    # And no demo entry is for a status nobody of its ages can have.
    assert not [e.title for e in OfferEntry.objects.all() if e.statuses_outside_ages]


def test_the_printed_offer_and_booklet_name_the_law(client):
    OfferEntryFactory(title="Staying put", kind="statutory", legal_basis=STAYING_PUT)
    assert f"(Your right: {STAYING_PUT}.)" in client.get("/offer/print/").content.decode()
    booklet = PdfReader(io.BytesIO(client.get("/offer/booklet.pdf").content))
    text = " ".join(" ".join(page.extract_text() for page in booklet.pages).split())
    assert STAYING_PUT in text
