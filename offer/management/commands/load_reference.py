"""python manage.py load_reference: the national measures as indicator definitions, for a real
start. Safe to run again: a code already there is never changed (retired ones stay retired),
and no figure is ever made. A code deleted since the last run comes back: retire a measure the
council does not use rather than delete it."""

from typing import Any

from django.core.management.base import BaseCommand

from offer.indicators.services import reference_load


class Command(BaseCommand):
    help = (
        "Add the national measures for children in care and care leavers (DfE statistics) as "
        "indicator definitions: no figures, targets, priorities or owners. Codes already there "
        "are left as they are."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = reference_load(actor=None)
        if not result.created:
            self.stdout.write(
                f"Nothing changed: all {len(result.kept)} national indicator definitions are "
                "already there."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {len(result.created)} national indicator "
                f"definition{'' if len(result.created) == 1 else 's'}"
            )
            + f": {', '.join(result.created)}."
        )
        if result.kept:
            self.stdout.write(
                f"{len(result.kept)} codes were already there and were left as they are: "
                f"{', '.join(result.kept)}."
            )
        self.stdout.write(
            "No figures were loaded. Give each indicator a strategic priority, a target and an "
            "owner on the Indicators page."
        )
