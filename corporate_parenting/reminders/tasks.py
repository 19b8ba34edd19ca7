"""The reminder tasks. They take ids, call one function, and are safe to run twice: a row is
sent only while it is "sending" and locked by the one sending it (dispatch.py)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from corporate_parenting.reminders import dispatch, planning


@shared_task(name="reminders.dispatch", acks_late=True, ignore_result=True)
def dispatch_reminders_task() -> None:
    """Beat runs this every five minutes (not from 01:00 to 02:59)."""
    dispatch.dispatch()


@shared_task(
    name="reminders.send",
    acks_late=True,
    ignore_result=True,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
)
def send_reminders_task(reminder_ids: list[int]) -> None:
    dispatch.send_batch(reminder_ids)


@shared_task(name="reminders.plan", acks_late=True, ignore_result=True)
def plan_reminders_task() -> None:
    """Beat runs this once a day: each app writes what is due, then the dispatcher runs."""
    planning.plan_all()
    dispatch.dispatch()
