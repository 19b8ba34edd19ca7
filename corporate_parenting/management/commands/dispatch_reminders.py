"""Run the reminder dispatcher once, in this process: for setups with no beat."""

from django.core.management.base import BaseCommand

from corporate_parenting.reminders import dispatch, planning


class Command(BaseCommand):
    help = "Send the reminders that are due (once). With --plan, first write today's reminders."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--plan", action="store_true", help="first ask each app what is due today"
        )

    def handle(self, *args: object, **options: object) -> None:
        if options["plan"]:
            written = planning.plan_all()
            self.stdout.write(f"Reminders written: {sum(written.values())}")
        ids = dispatch.claim()
        outcomes = dispatch.send_batch(ids) if ids else {}
        counts: dict[str, int] = {}
        for outcome in outcomes.values():
            counts[outcome] = counts.get(outcome, 0) + 1
        summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
        self.stdout.write(f"Reminders due: {len(ids)}" + (f" ({summary})" if summary else ""))
