"""Forty searches written the way care leavers type them (slang, misspellings, questions,
American spellings, one word too many), each with the demo offer entry that should come first.

The floors are set from what the search reaches (see the README): a change that makes young
people's searches worse fails here.
"""

import pytest

from offer.demo import _load_offer
from offer.models import OfferEntry
from offer.search import offer_search

pytestmark = pytest.mark.django_db

# (what a young person types, the title of the entry that answers it)
QUERIES: tuple[tuple[str, str], ...] = (
    ("council tax", "Council Tax exemption"),
    ("do i have to pay council tax", "Council Tax exemption"),
    ("counsil tax bill help", "Council Tax exemption"),
    ("how do i open a bank acount", "Help to open a bank account"),
    ("junior isa money", "Help to open a bank account"),
    ("im skint", "Weekly allowance"),
    ("budgetting help", "Budget planning"),
    ("need a flat", "Help to find a home"),
    ("somewhere to live", "Help to find a home"),
    ("accomodation", "Help to find a home"),
    ("money for furniture", "Setting up home allowance"),
    ("can i stay with my foster carer after 18", "Staying put with your foster carers"),
    ("staying put", "Staying put with your foster carers"),
    ("taster flat", "Try living on your own first"),
    ("learn to cook", "Independent living skills"),
    ("uni money", "Higher education bursary"),
    ("going to university", "Higher education bursary"),
    ("colledge bursary", "16 to 19 bursary"),
    ("open days college", "Help to visit colleges and training providers"),
    ("apprenticeship interview", "Guaranteed interview for council jobs and apprenticeships"),
    ("council jobs", "Guaranteed interview for council jobs and apprenticeships"),
    ("help with my resume", "Job club and help with your CV"),
    ("cv help", "Job club and help with your CV"),
    ("work experiance", "Work experience at the council"),
    ("bus fare to interview", "Travel to interviews"),
    ("reference for a job", "A reference"),
    ("bus pass", "Bus passes and travel"),
    ("register with a gp", "Register with a doctor, dentist and optician"),
    ("dentist", "Register with a doctor, dentist and optician"),
    ("free gym", "Free leisure centre card"),
    ("swimming", "Free leisure centre card"),
    ("prescription costs", "Help paying for prescriptions"),
    ("camhs turning 18", "Moving from CAMHS to adult mental health services"),
    ("counseling for anxiety", "Moving from CAMHS to adult mental health services"),
    ("medical records", "Your health passport"),
    ("see my brother and sister", "Help to see your family"),
    ("someone on my side", "An advocate"),
    ("mentor", "A mentor"),
    ("passport", "Help to get ID"),
    ("driving license", "Help to get ID"),
    ("how do i vote", "Registering to vote"),
    ("tell councillors what to change", "Speak at the Corporate Parenting Panel"),
    ("have my say", "The leaving care forum"),
    ("relationship advice", "Healthy relationships advice"),
)

TOP_ONE_FLOOR = 0.9  # reached: 93% (41 of 44)
TOP_THREE_FLOOR = 0.97  # reached: 100%


def _ranks() -> list[tuple[str, str, list[str]]]:
    _load_offer(None)
    published = OfferEntry.objects.published()
    return [
        (text, want, [e.title for e in offer_search(published, text).entries[:3]])
        for text, want in QUERIES
    ]


def test_forty_realistic_searches_find_the_right_entry():
    assert len(QUERIES) >= 40
    results = _ranks()
    titles = set(OfferEntry.objects.values_list("title", flat=True))
    assert {want for _, want in QUERIES} <= titles
    first = sum(got[:1] == [want] for _, want, got in results) / len(results)
    top_three = sum(want in got for _, want, got in results) / len(results)
    misses = [(text, want, got) for text, want, got in results if got[:1] != [want]]
    print(f"\nfirst: {first:.0%}, top three: {top_three:.0%}")
    for miss in misses:
        print("  ", miss)
    assert first >= TOP_ONE_FLOOR
    assert top_three >= TOP_THREE_FLOOR
