"""Run the reminder dispatcher once, in this process: for setups with no beat."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from corporate_parenting.reminders import dispatch, planning
from corporate_parenting.reminders.models import Reminder


class Command(BaseCommand):
    help = "Send the reminders that are due (once). With --plan, first write today's reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--plan", action="store_true", help="first ask each app what is due today"
        )

    def handle(self, *args: object, **options: object) -> None:
        started = timezone.now()
        if options["plan"]:
            written = planning.plan_all()
            self.stdout.write(f"Reminders written: {sum(written.values())}")
        ids = dispatch.claim()
        if ids:
            dispatch.send_batch(ids)
        # With no broker, new rows may already have gone in-process as they were written.
        outcomes = Counter(
            Reminder.objects.filter(updated_at__gte=started)
            .exclude(status__in=("pending", "sending"))
            .values_list("status", flat=True)
        )
        summary = ", ".join(f"{n} {status}" for status, n in sorted(outcomes.items()))
        self.stdout.write(
            f"Reminders dealt with: {sum(outcomes.values())}" + (f" ({summary})" if summary else "")
        )
