"""python manage.py load_reference: the national measures as indicator definitions, for a real
start. The council picks which: `--list` shows them, `--only CODE,CODE` adds those, `--all` adds
every one (the same choice as the page at /offer/indicators/national/). Without an option it
lists them and adds nothing: 36 measures a council does not report would only be rows with no
figures.

Safe to run again: a code already there is never changed (retired ones stay retired), and no
figure is ever made. A code deleted since the last run comes back when it is picked again:
retire a measure the council does not use rather than delete it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from offer.indicators.services import reference_choices, reference_load


class Command(BaseCommand):
    help = (
        "Add the national measures for children in care and care leavers (DfE statistics) the "
        "council picks as indicator definitions: no figures, targets, priorities or owners. "
        "--list shows them, --only CODE,CODE adds those, --all adds every one. Codes already "
        "there are left as they are."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument(
            "--list", action="store_true", help="List the national measures and add nothing."
        )
        choice.add_argument(
            "--only",
            metavar="CODE,CODE",
            help="Add only these national measures (codes separated by commas, any case).",
        )
        choice.add_argument("--all", action="store_true", help="Add every national measure.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["only"] is not None:
            codes = [code.strip() for code in options["only"].split(",") if code.strip()]
            try:
                result = reference_load(actor=None, codes=codes)
            except ValidationError as error:
                messages = " ".join(error.message_dict.get("codes", error.messages))
                raise CommandError(
                    f"{messages}. `load_reference --list` shows the national measures."
                ) from None
        elif options["all"]:
            result = reference_load(actor=None)
        else:
            self._list(explain=not options["list"])
            return
        self._report(result.created, result.kept)

    def _list(self, *, explain: bool) -> None:
        for reference, already in reference_choices():
            mark = "already there" if already else "not added"
            self.stdout.write(f"{reference.code:<28} {reference.name} ({mark})")
        if explain:
            self.stdout.write(
                "Nothing was added. Choose the measures the council reports: "
                "`load_reference --only CODE,CODE`, or `load_reference --all` for every one."
            )

    def _report(self, created: list[str], kept: list[str]) -> None:
        if not created:
            self.stdout.write(
                f"Nothing changed: the {len(kept)} national indicator "
                f"definition{'' if len(kept) == 1 else 's'} chosen "
                f"{'is' if len(kept) == 1 else 'are'} already there."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {len(created)} national indicator "
                f"definition{'' if len(created) == 1 else 's'}"
            )
            + f": {', '.join(created)}."
        )
        if kept:
            self.stdout.write(
                f"{len(kept)} codes were already there and were left as they are: "
                f"{', '.join(kept)}."
            )
        self.stdout.write(
            "No figures were loaded. Give each indicator a strategic priority, a target and an "
            "owner on the Indicators page."
        )
