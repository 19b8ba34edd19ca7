"""Demo reports for the next panel meeting, made through the services as people would: one
approved and published with the agenda (with KPIs), one exempt, one waiting for the demo
officer's approval as sponsor, and one the demo officer is still writing. Invented people."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from corporate_parenting.models import Role, User
from corporate_parenting.services import user_create_or_update
from corporate_parenting.years import current_political_year
from offer.models import Indicator
from panels.models import AgendaItem
from panels.reports.voice import VoiceChoice
from panels.services import reports as services
from strategy.models import Priority
from voice.models import Theme

HOUSING_SECTIONS = [
    {
        "heading": "Background",
        "body": "The housing protocol sets out how the council, as corporate parent, helps care "
        "leavers find and keep a home.\n\nIt was last reviewed in 2022. Since then the number "
        "of care leavers aged 18 to 21 has grown and more live outside the borough.",
    },
    {
        "heading": "Proposals",
        "body": "The refreshed protocol proposes:\n\n"
        "- priority banding for care leavers bidding for council homes;\n"
        "- a named housing officer for every care leaver aged 17 and a half;\n"
        "- council tax exemption up to age 25.\n\n"
        "| Measure | 2023-24 | 2024-25 |\n| --- | --- | --- |\n"
        "| Care leavers in suitable accommodation | 88% | 91% |\n"
        "| Care leavers in bed and breakfast | 2 | 0 |",
    },
    {
        "heading": "Consultation",
        "body": "The Children in Care Council and the care leavers' forum were consulted in two "
        "sessions. Young people asked for clearer information on what help there is with "
        "deposits and furniture.",
    },
]
RECOMMENDATIONS = (
    "That the Panel endorse the refreshed care leavers' housing protocol.\n"
    "That the Head of Corporate Parenting report on its first six months at the March meeting."
)


def _officer(email: str, name: str) -> User:
    user, _ = user_create_or_update(email=email, full_name=name, roles=[Role.OFFICER])
    return user


def _annex_pdf() -> SimpleUploadedFile:
    html = (
        "<html lang='en-GB'><head><title>Annex A</title></head><body>"
        "<h1>Annex A: care leavers' housing pathway</h1>"
        "<p>Step 1: a housing conversation at 16. Step 2: a named housing officer at 17 and a "
        "half. Step 3: priority banding at 18. Step 4: support to keep the home.</p></body></html>"
    )
    return SimpleUploadedFile(
        "housing-pathway.pdf", HTML(string=html).write_pdf(), content_type="application/pdf"
    )


def _write(report, author: User, *, summary: str, sections=(), indicators=(), voice=None) -> None:
    services.report_update(
        actor=author,
        report=report,
        fields={
            "title": report.title,
            "purpose": "To ask the Panel to consider the matters set out below.",
            "summary": summary,
            "recommendations": RECOMMENDATIONS if sections else "That the Panel note the report.",
            "financial_implications": "There are no new financial implications.",
            "legal_implications": "The council must have regard to the corporate parenting "
            "principles in the Children and Social Work Act 2017.",
            "equalities_implications": "The protocol supports care leavers, who share a "
            "characteristic the council treats as if it were protected.",
            "risk_implications": "None beyond those in the report.",
        },
        priorities=list(Priority.objects.filter(slug__in=("stability", "care-experienced"))),
        indicators=list(indicators),
        sections=list(sections),
        voice=voice,
    )


def load_for_meeting(*, items: list[AgendaItem], clerk: User | None) -> None:
    """Reports for the items of the next meeting; called before its agenda is published."""
    director = _officer("dana.whitfield@example.org", "Dana Whitfield")
    head = _officer("lee.carver@example.org", "Lee Carver")
    commissioner = clerk or head
    performance, housing, champions, *rest = items
    indicators = Indicator.objects.filter(code__in=("ACCOM-CL", "NEET-CL", "PLACE-20M"))

    report = services.report_create(
        actor=commissioner,
        item=housing,
        title="Care leavers' housing protocol",
        author=head,
        sponsor=director,
        sponsor_title="Director of Children's Services",
    )
    _write(
        report,
        head,
        summary="A refreshed protocol so that every care leaver has a suitable home.",
        sections=HOUSING_SECTIONS,
        indicators=indicators,
        # What young people told us this year about housing and money (the demo's invented
        # feedback and engagements, voice/demo.py), as the public may read it.
        voice=VoiceChoice(
            year=current_political_year().start_year,
            themes=list(Theme.objects.filter(slug__in=("housing", "money"))),
        ),
    )
    services.annex_add(actor=head, report=report, title="The housing pathway", file=_annex_pdf())
    services.report_submit(actor=head, report=report)
    services.report_return(
        actor=director, report=report, comment="Please add last year's figures to the table."
    )
    services.report_submit(actor=head, report=report)
    services.report_approve(actor=director, report=report)

    if rest:
        exempt = services.report_create(
            actor=commissioner,
            item=rest[0],
            title="Residential placements: provider contract",
            author=head,
            sponsor=director,
            sponsor_title="Director of Children's Services",
        )
        _write(exempt, head, summary="The terms of a contract for residential placements.")
        services.report_submit(actor=head, report=exempt)
        services.report_approve(actor=director, report=exempt)

    if clerk is not None:
        waiting = services.report_create(
            actor=clerk,
            item=performance,
            title="Children in care: performance report",
            author=head,
            sponsor=clerk,
        )
        _write(
            waiting,
            head,
            summary="Performance against the scorecard for the last quarter.",
            indicators=indicators,
        )
        services.report_submit(actor=head, report=waiting)
        services.report_create(
            actor=clerk,
            item=champions,
            title="Champion model: progress",
            author=clerk,
            sponsor=director,
            sponsor_title="Director of Children's Services",
        )
