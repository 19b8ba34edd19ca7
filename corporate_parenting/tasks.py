"""Celery finds tasks in <app>.tasks; the core's live in corporate_parenting/reminders/tasks.py."""

from corporate_parenting.reminders.tasks import (  # noqa: F401
    dispatch_reminders_task,
    plan_reminders_task,
    send_reminders_task,
)
