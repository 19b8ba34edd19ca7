"""The care leaver offer: the published entries added, changed and reviewed in the year (a
review moves an entry's review date on: the audit trail records it), and the feedback young
people left that an officer chose to show ("You said, we did"), counted and by theme. Draft
entries and feedback not moderated or not shown are never read."""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from annual.sections.common import (
    NOTHING_YET,
    cell,
    count_figure,
    in_period_datetime,
    link,
    plural,
    young_people_figure,
)
from annual.snapshot import Chart, Section, Series, Table
from corporate_parenting.models import AuditEvent
from corporate_parenting.small_numbers import SMALL_NUMBER, public_count
from corporate_parenting.years import PoliticalYear
from offer.models import Feedback, OfferEntry
from voice.models import Theme

TITLE = "The care leaver offer"


def build(period: PoliticalYear) -> Section:
    """Four queries: the published entries, their changes in the year, the feedback shown and
    its themes (the content type is cached)."""
    entries = list(
        OfferEntry.objects.published()
        .select_related("category")
        .only("pk", "slug", "title", "created_at", "category__name", "category__slug")
        .order_by("category__order", "category__name", "title")
    )
    by_id = {str(entry.pk): entry for entry in entries}
    changes = {
        row["object_id"]: row
        for row in AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(OfferEntry),
            object_id__in=list(by_id),
            action="changed",
            **in_period_datetime(period, "at"),
        )
        .values("object_id")
        .annotate(changed=Count("pk"), reviewed=Count("pk", filter=Q(changes__has_key="review_by")))
    }
    shown = Feedback.objects.you_said_we_did().filter(**in_period_datetime(period, "created_at"))
    feedback = shown.aggregate(
        total=Count("pk"),
        missing=Count("pk", filter=Q(kind=Feedback.Kind.MISSING)),
    )
    themes = list(
        Theme.objects.filter(feedback__in=shown)
        .annotate(n=Count("feedback"))
        .order_by("-n", "name")
        .values_list("name", "n")
    )
    added = [e for e in entries if period.start <= e.created_at.date() <= period.end]
    added_ids = {str(e.pk) for e in added}
    changed = [k for k in changes if k not in added_ids]
    reviewed = [k for k, row in changes.items() if row["reviewed"]]
    if not entries and not feedback["total"]:
        return Section(
            key="offer",
            title=TITLE,
            summary=f"The portal holds no published offer entries or feedback for {period}.",
            empty=True,
            young=[
                f"The portal has no record of the care leaver offer in {period}.",
                NOTHING_YET,
            ],
        )

    you_said = link("offer:you_said_we_did")
    # The offer as it is published: the entries these count are there, each with its date.
    offer = link("offer:index")
    figures = [
        count_figure("entries", "Entries in the offer", len(entries), offer),
        count_figure("entries_added", "Entries added in the year", len(added), offer),
        count_figure("entries_changed", "Entries changed in the year", len(changed), offer),
        count_figure("entries_reviewed", "Entries reviewed in the year", len(reviewed), offer),
        young_people_figure(
            "feedback_shown", 'Feedback answered in "You said, we did"', feedback["total"], you_said
        ),
        young_people_figure(
            "feedback_missing",
            "Of which told us something was missing",
            feedback["missing"],
            you_said,
        ),
    ]
    categories: Counter[tuple[str, str]] = Counter()
    new_in: Counter[str] = Counter()
    for entry in entries:
        categories[(entry.category.name, entry.category.slug)] += 1
        if str(entry.pk) in added_ids:
            new_in[entry.category.name] += 1
    tables = [
        Table(
            caption=f"The offer by heading at the end of {period}",
            headers=["Heading", "Entries", "Added in the year"],
            rows=[
                [cell(name, link("offer:category", slug=slug)), cell(n), cell(new_in.get(name, 0))]
                for (name, slug), n in categories.items()
            ],
        )
    ]
    if added:
        tables.append(
            Table(
                caption="Entries added in the year",
                headers=["Entry", "Heading"],
                rows=[
                    [cell(e.title, link("offer:entry", slug=e.slug)), cell(e.category.name)]
                    for e in added
                ],
            )
        )
    if themes:
        tables.append(
            Table(
                caption="What the feedback shown was about",
                headers=["Theme", "Feedback"],
                rows=[[cell(name), cell(public_count(n))] for name, n in themes],
            )
        )
    charts = []
    if categories:
        charts.append(
            Chart(
                title=f"Entries in the offer by heading, {period}",
                kind="bar",
                labels=[name for name, _ in categories],
                series=[
                    Series(name="Entries", values=[float(n) for n in categories.values()]),
                    Series(
                        name="Added in the year",
                        values=[float(new_in.get(name, 0)) for name, _ in categories],
                    ),
                ],
            )
        )
    summary = (
        f"At the end of {period} the offer held {len(entries)} published "
        f"{plural(len(entries), 'entry', 'entries')}: {len(added)} added, {len(changed)} changed "
        f"and {len(reviewed)} reviewed in the year. Feedback answered in public: "
        f"{public_count(feedback['total'])}."
    )
    young = [
        "The care leaver offer tells you what help you can get, and it is online for you to read.",
    ]
    if added:
        young.append(
            f"This year {len(added)} new {plural(len(added), 'thing was', 'things were')} added."
        )
    if feedback["total"]:
        young.append("You told us what you thought of it, and we wrote back what we changed.")
    return Section(
        key="offer",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        notes=[f'Counts of feedback under {SMALL_NUMBER} are shown as "{public_count(0)}".'],
        young=young,
    )
