"""An e-mail backend that keeps each message as a row (MailboxMessage) on the default database.

Set EMAIL_BACKEND=corporate_parenting.reminders.mailbox.DatabaseBackend. A worker process sends;
the test (or a person at the Django admin site) reads. The row is written on the same connection
as the reminder it sends, so it commits or rolls back with that reminder.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class DatabaseBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from corporate_parenting.reminders.models import MailboxMessage

        rows = [
            MailboxMessage(
                to=", ".join(message.recipients()),
                subject=str(message.subject)[:300],
                reminder_id=str(message.extra_headers.get("X-Reminder-Id", "")),
                raw=message.message().as_string(),
            )
            for message in email_messages
        ]
        MailboxMessage.objects.bulk_create(rows)
        return len(rows)
