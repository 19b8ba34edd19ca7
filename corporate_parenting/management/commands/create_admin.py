"""Make the first admin of a new portal: `python manage.py create_admin EMAIL --name "Full Name"`.

Prints a one-time link to set the password, once: only its hash is kept. Everything else (more
people, their roles and duties) is then done in the browser.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from corporate_parenting.people.services import admin_create


class Command(BaseCommand):
    help = "Make an admin with no password yet, and print a one-time link to set one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The admin's e-mail address; they sign in with it.")
        parser.add_argument(
            "--name", default="", help='Their full name, like "Morgan Blake" (in quotes).'
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an e-mail address") from error
        try:
            issued = admin_create(email=email, full_name=options["name"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user = issued.invitation.user
        expires = issued.invitation.expires_at
        self.stdout.write(self.style.SUCCESS(f"Admin made: {user.full_name} <{user.email}>"))
        self.stdout.write(
            "Open this link to set the password. It works once, until "
            f"{expires:%Y-%m-%d %H:%M} UTC, and is not shown again:\n{issued.url}"
        )
