"""Load the demo data. Safe to run any number of times."""

import importlib
import os
import secrets
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from corporate_parenting import demo
from corporate_parenting.models import User
from corporate_parenting.services import roles_ensure
from corporate_parenting.two_factor import demo_devices_ensure

# Each capability's demo data lives in <app>/demo.py with a load(stdout) function, loaded in this order.
DEMO_APPS = (
    "champions",
    "offer",
    "panels",
    "events",
    "strategy",
    "voice",
    "partners",
    "annual",
)


class Command(BaseCommand):
    help = "Load demo data (and, with DEBUG on or --with-users, the demo sign-ins)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Create the demo sign-ins even when DEBUG is off.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            roles_ensure()
            demo.load_site_settings()
            if settings.DEBUG or options["with_users"]:
                self._load_users()
            for app_label in DEMO_APPS:
                if not apps.is_installed(app_label):
                    continue
                try:
                    module = importlib.import_module(f"{app_label}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_label}.demo":
                        raise
                    continue
                module.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    def _load_users(self) -> None:
        emails = [u.email for u in demo.DEMO_USERS]
        first_time = User.objects.filter(email__in=emails).count() < len(emails)
        password = os.environ.get("DEMO_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        users = demo.load_users(password=password)
        if first_time and generated:
            self.stdout.write(
                "Demo sign-ins: " + ", ".join(emails) + f"\nDemo password (shown once): {password}"
            )
        backup_codes = demo_devices_ensure(users=users)
        if backup_codes:
            self.stdout.write(
                "Backup codes for the second step, when TWO_FACTOR_REQUIRED is on (shown once): "
                + ", ".join(f"{email} {code}" for email, code in backup_codes.items())
            )
