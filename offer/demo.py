"""Demo data: the draft care leaver offer (every category filled) and the panel's KPIs.

The offer follows the council's draft offer by category; the KPI figures are invented. Safe to run
again: records are found by their natural keys (slug, code, period) and nothing is duplicated.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from corporate_parenting.models import AuditEvent, User
from offer.models import (
    Feedback,
    Indicator,
    Measurement,
    OfferCategory,
    OfferEntry,
    PeriodKind,
    Polarity,
    Unit,
    status_fields_fitting,
)
from offer.services import entries_reindex
from strategy.demo import priorities_ensure

S, X = OfferEntry.Kind.STATUTORY, OfferEntry.Kind.EXTRA
PA = "Ask your personal adviser."

CATEGORIES = (
    (
        "health-and-wellbeing",
        "Health and wellbeing",
        "Help to stay well in body and mind, and to see a doctor, dentist or counsellor.",
    ),
    (
        "relationships",
        "Relationships and people close to you",
        "Help to keep in touch with family, friends and past carers, and to have good relationships.",
    ),
    (
        "education-and-training",
        "Education and training",
        "Help with college, training, university and the costs that come with them.",
    ),
    (
        "employment",
        "Employment",
        "Help to find work, apprenticeships and work experience, and to do well once you are there.",
    ),
    (
        "where-you-live",
        "Where you live",
        "Help to find a home, stay put with your foster carers, and learn to live on your own.",
    ),
    (
        "money",
        "Money",
        "Help with money: allowances, bills, Council Tax, a bank account and budgeting.",
    ),
    (
        "your-voice",
        "Your voice and participation",
        "Help to have your say, vote, get ID, volunteer and take part.",
    ),
)

# (category, title, summary, details, kind, age_from, age_to, how_to_get, phone)
ENTRIES: tuple[tuple[str, str, str, str, str, int, int, str, str], ...] = (
    (
        "health-and-wellbeing",
        "Register with a doctor, dentist and optician",
        "We will help you register with a GP, a dentist and an optician near where you live.",
        "Your personal adviser can find local practices with you and come to your first appointment if you want.",
        S,
        16,
        25,
        PA,
        "",
    ),
    (
        "health-and-wellbeing",
        "Someone to come to appointments with you",
        "If you want someone with you at a health appointment, we will come with you.",
        "This includes appointments about your own child.",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "health-and-wellbeing",
        "Help paying for prescriptions",
        "We will show you how to get help paying for prescriptions through the NHS Low Income Scheme.",
        "We will help you fill in the HC1 form.",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "health-and-wellbeing",
        "Moving from CAMHS to adult mental health services",
        "If you get mental health support, we will help you move from children's to adult services without a gap.",
        "We will start planning with you before you turn 18.",
        S,
        17,
        25,
        PA,
        "",
    ),
    (
        "health-and-wellbeing",
        "Free leisure centre card",
        "You can get a card to use our leisure centres for free.",
        "Swimming, gym and classes at any council leisure centre.",
        X,
        16,
        25,
        "Ask your personal adviser for the card form.",
        "",
    ),
    (
        "health-and-wellbeing",
        "Your health passport",
        "We will give you a health passport with your health history, so you always have it.",
        "",
        S,
        16,
        21,
        PA,
        "",
    ),
    (
        "relationships",
        "Help to see your family",
        "We will help you keep in touch with your family, and sometimes pay for travel to see them.",
        "This can include the Lifelong Links programme to find people important to you.",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "relationships",
        "An advocate",
        "You can have an advocate: someone on your side who helps you say what you want.",
        "Advocates are independent of the council.",
        S,
        16,
        25,
        "Ask your personal adviser, or phone the advocacy service.",
        "0300 123 4567",
    ),
    (
        "relationships",
        "A mentor",
        "You can get a mentor, or train to be a peer mentor for other young people.",
        "Mentors are trained volunteers from the No Limits scheme.",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "relationships",
        "Healthy relationships advice",
        "Advice and support about safe, healthy relationships, whenever you need it.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "education-and-training",
        "Support from your personal adviser with education",
        "Your personal adviser will help you plan your education and training.",
        "This is part of your pathway plan.",
        S,
        16,
        25,
        PA,
        "",
    ),
    (
        "education-and-training",
        "Help to visit colleges and training providers",
        "We will help you go to open days at colleges and training providers.",
        "We can pay your travel.",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "education-and-training",
        "Higher education bursary",
        "If you go to university, you get a bursary of £2,000 from us.",
        "We also help with accommodation in the holidays, equipment and forms.",
        S,
        18,
        25,
        PA,
        "",
    ),
    (
        "education-and-training",
        "16 to 19 bursary",
        "You can get bursary payments from your college or training provider.",
        "Care leavers can get the vulnerable student bursary of up to £1,200 a year.",
        S,
        16,
        19,
        "Ask your college's student support team.",
        "",
    ),
    (
        "employment",
        "Guaranteed interview for council jobs and apprenticeships",
        "If you meet the essential criteria, you are guaranteed an interview for our jobs and apprenticeships.",
        "Say on your application that you are a care leaver.",
        X,
        16,
        25,
        "Apply on the council's jobs website and tick the care leaver box.",
        "",
    ),
    (
        "employment",
        "Work experience at the council",
        "We will find you work experience in a council team you are interested in.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "employment",
        "Job club and help with your CV",
        "Get help with CVs, applications, interviews and clothes for interviews at our job club.",
        "",
        X,
        16,
        25,
        "Drop in to the job club at the One Stop Shop on Tuesdays.",
        "",
    ),
    (
        "employment",
        "Travel to interviews",
        "We will help you get to interviews, and pay for the travel.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "employment",
        "A reference",
        "We will give you a reference for job applications.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "where-you-live",
        "Staying put with your foster carers",
        "If you want to, you can stay living with your foster carers after you turn 18.",
        "Staying put can last until you are 21.",
        S,
        17,
        21,
        PA,
        "",
    ),
    (
        "where-you-live",
        "Help to find a home",
        "We will help you find somewhere to live that is safe and right for you.",
        "This includes supported lodgings, supported accommodation and help to bid for council homes with priority.",
        S,
        16,
        25,
        PA,
        "",
    ),
    (
        "where-you-live",
        "Setting up home allowance",
        "You can get a setting up home allowance to furnish your first home.",
        "It is at least £3,000. We help you choose how to spend it.",
        S,
        16,
        25,
        PA,
        "",
    ),
    (
        "where-you-live",
        "Try living on your own first",
        "You can try independent living in one of our taster flats before you move.",
        "",
        X,
        16,
        21,
        PA,
        "",
    ),
    (
        "where-you-live",
        "Independent living skills",
        "Join workshops and groups to learn cooking, budgeting and looking after a home.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "money",
        "Council Tax exemption",
        "You do not pay Council Tax until you are 25, wherever you live in the borough.",
        "If you live in another area, we will talk to that council for you. If you get a Council Tax bill, tell your personal adviser and we will sort it out.",
        X,
        18,
        25,
        "Your personal adviser tells the Council Tax team for you. You can also phone the Council Tax team.",
        "01234 567890",
    ),
    (
        "money",
        "Help to open a bank account",
        "We will help you open a bank account, and you can get your Junior ISA savings.",
        "We can help you get the ID you need.",
        S,
        16,
        25,
        PA,
        "",
    ),
    (
        "money",
        "Weekly allowance",
        "If you are 16 or 17 and living on your own, we pay you a weekly allowance.",
        "",
        S,
        16,
        17,
        PA,
        "",
    ),
    (
        "money",
        "Budget planning",
        "Your personal adviser will help you plan a budget and manage bills.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "money",
        "Bus passes and travel",
        "You can get a bus pass to get to college, training or work.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "your-voice",
        "The leaving care forum",
        "Come to the leaving care forum each month and have your say on our services.",
        "You get a voucher for taking part.",
        X,
        16,
        25,
        "Ask your personal adviser or the participation team.",
        "",
    ),
    (
        "your-voice",
        "Help to get ID",
        "We will help you get a passport or provisional driving licence, and pay for it.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "your-voice",
        "Registering to vote",
        "We will help you register to vote.",
        "",
        X,
        16,
        25,
        PA,
        "",
    ),
    (
        "your-voice",
        "Speak at the Corporate Parenting Panel",
        "You can come to the Corporate Parenting Panel and tell councillors what needs to change.",
        "",
        X,
        16,
        25,
        "Ask the participation team.",
        "",
    ),
)

# code, name, definition, unit, polarity, priority (its slug), target, tolerance, source, yearly figures
INDICATORS: tuple[tuple[Any, ...], ...] = (
    (
        "CIC-RATE",
        "Children in care per 10,000 children",
        "Children looked after at 31 March, per 10,000 children under 18.",
        Unit.RATE,
        Polarity.CONTEXT,
        "stability",
        None,
        "0",
        "SSDA903",
        [(58.7, 67), (60.1, 70), (61.4, 71), (59.8, 70), (58.9, 71)],
    ),
    (
        "PLACE-20M",
        "Children placed more than 20 miles from home",
        "Children in care placed outside the borough and more than 20 miles from home.",
        Unit.PERCENT,
        Polarity.LOWER,
        "stability",
        "15",
        "3",
        "SSDA903",
        [(21, 16), (19.5, 16), (18.2, 17), (17.6, 17), (16.9, 17)],
    ),
    (
        "MOVES-3",
        "Children with three or more placement moves in the year",
        "Children in care with three or more placements in the year.",
        Unit.PERCENT,
        Polarity.LOWER,
        "stability",
        "9",
        "1.5",
        "SSDA903",
        [(11.2, 10), (10.1, 10), (10.8, 10), (9.4, 10), (8.7, 10)],
    ),
    (
        "NEET-CL",
        "Care leavers aged 19 to 21 not in education, employment or training",
        "Care leavers aged 19 to 21 who are not in education, employment or training.",
        Unit.PERCENT,
        Polarity.LOWER,
        "eet",
        "35",
        "5",
        "SSDA903",
        [(44, 39), (42, 38), (41, 38), (38, 37), (39.5, 38)],
    ),
    (
        "ACCOM-CL",
        "Care leavers aged 19 to 21 in suitable accommodation",
        "Care leavers aged 19 to 21 in accommodation judged suitable.",
        Unit.PERCENT,
        Polarity.HIGHER,
        "care-experienced",
        "90",
        "5",
        "SSDA903",
        [(84, 88), (86, 88), (87, 88), (89, 88), (91, 88)],
    ),
)


# The law or guidance a few entries rest on (OfferEntry.legal_basis), by title.
LEGAL_BASES = {
    "Staying put with your foster carers": "Staying Put: section 23CZA Children Act 1989",
    "Higher education bursary": (
        "The Children Act 1989 (Higher Education Bursary) (England) Regulations 2009"
    ),
    "Weekly allowance": "Children (Leaving Care) Act 2000: section 23B Children Act 1989",
    "An advocate": "Section 26A Children Act 1989 (advocacy services)",
    "Support from your personal adviser with education": (
        "Personal advisers to 25: section 23CZB Children Act 1989"
    ),
    "Council Tax exemption": "Section 13A Local Government Finance Act 1992",
}


def load(stdout: Any) -> None:
    with transaction.atomic():
        owner = User.objects.filter(email="officer@example.org").first()
        entries = _load_offer(owner)
        indicators = _load_kpis()
        _load_feedback(owner)
    stdout.write(
        f"Offer: {len(CATEGORIES)} categories, {entries} entries; KPIs: {indicators} indicators"
    )


def _load_offer(owner: User | None) -> int:
    today = timezone.localdate()
    categories = {}
    for order, (slug, name, summary) in enumerate(CATEGORIES):
        categories[slug], _ = OfferCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "summary": summary, "order": order}
        )
    for number, (cat, title, summary, details, kind, age_from, age_to, how, phone) in enumerate(
        ENTRIES
    ):
        # Two entries owned by the demo officer are past review, so the home panel has work.
        review_by = (
            today - datetime.timedelta(days=10)
            if number in (0, 24)
            else today + datetime.timedelta(days=180 + number)
        )
        OfferEntry.objects.get_or_create(
            slug=slugify(title),
            defaults={
                "category": categories[cat],
                "title": title,
                "summary": summary,
                "details": details,
                "kind": kind,
                "age_from": age_from,
                "age_to": age_to,
                # Each status a young person of these ages can have; qualifying for the extras.
                **status_fields_fitting(age_from, age_to),
                "for_qualifying": kind == X,
                "legal_basis": LEGAL_BASES.get(title, ""),
                "how_to_get": how,
                "contact_phone": phone,
                "owner": owner,
                "review_by": review_by,
                "status": OfferEntry.Status.PUBLISHED,
            },
        )
    # A demo made before entries had a legal basis gets one, on the entries nobody has changed
    # since the demo made them (an officer's change, a cleared basis included, is kept).
    for title, basis in LEGAL_BASES.items():
        untouched = OfferEntry.objects.filter(slug=slugify(title), legal_basis="").first()
        if untouched and not AuditEvent.objects.for_object(untouched).exists():
            untouched.legal_basis = basis
            untouched.save(update_fields=["legal_basis", "updated_at"])
    entries_reindex()
    return len(ENTRIES)


def _load_kpis() -> int:
    first_year = timezone.localdate().year - 5
    priorities = priorities_ensure()
    for (
        code,
        name,
        definition,
        unit,
        polarity,
        priority,
        target,
        tolerance,
        source,
        figures,
    ) in INDICATORS:
        indicator, _ = Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "definition": definition,
                "unit": unit,
                "polarity": polarity,
                "priority": priorities[priority],
                "target": Decimal(target) if target is not None else None,
                "tolerance": Decimal(tolerance),
                "source": source,
            },
        )
        for offset, (value, england) in enumerate(figures):
            year = first_year + offset
            Measurement.objects.get_or_create(
                indicator=indicator,
                period=str(year),
                defaults={
                    "period_kind": PeriodKind.YEAR,
                    "period_start": datetime.date(year, 1, 1),
                    "value": Decimal(str(value)),
                    "england": Decimal(str(england)),
                    "statistical_neighbours": Decimal(str(england)) + Decimal("1.5"),
                    "region": Decimal(str(england)) - Decimal("0.5"),
                    "is_demo": True,
                },
            )
    return len(INDICATORS)


def _load_feedback(officer: User | None) -> None:
    if Feedback.objects.exists():
        return
    Feedback.objects.create(
        kind=Feedback.Kind.MISSING,
        text="Nothing about help with phone bills or a laptop for college.",
    )
    Feedback.objects.create(
        kind=Feedback.Kind.MISSING,
        text="I did not know I could stop paying council tax.",
        status=Feedback.Status.PUBLISHED,
        you_said="You did not know you did not have to pay Council Tax.",
        we_did="We put Council Tax exemption at the top of the Money page, and personal advisers now tell every care leaver about it at 18.",
        moderated_by=officer,
        moderated_at=timezone.now(),
    )
