"""python manage.py backup [--into backups/]: the database and the uploaded files, kept together."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from corporate_parenting.backups import backup_make


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the uploaded files into a new dated folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--into", default=str(settings.BASE_DIR / "backups"))

    def handle(self, *args: Any, **options: Any) -> None:
        folder = backup_make(into=Path(options["into"]))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
