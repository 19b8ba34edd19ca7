"""python manage.py restore FOLDER --yes: replace the database and uploaded files with a backup."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corporate_parenting.backups import backup_restore


class Command(BaseCommand):
    help = "Restore a backup folder made by `backup` (pg_restore): replaces what is there now."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder")
        parser.add_argument("--yes", action="store_true", help="Do it: the current data goes.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"])
        if not (folder / "database.dump").exists():
            raise CommandError(f"{folder} holds no database.dump")
        if not options["yes"]:
            raise CommandError("Restoring replaces the database: run again with --yes")
        backup_restore(folder=folder)
        self.stdout.write(self.style.SUCCESS(f"Restored from {folder}"))
