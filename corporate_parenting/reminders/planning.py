"""The daily run: each app says what is due (<app>/reminders.py, a plan(today=...) function that
writes outbox rows through services.reminders_create). Safe to run more than once a day: the
outbox's unique key makes the second run write nothing."""

from __future__ import annotations

import logging
from datetime import date
from importlib import import_module

from django.utils import timezone

from corporate_parenting.reminders import services

logger = logging.getLogger(__name__)

PLANNERS = (
    "events.reminders",
    "panels.reminders",
    "champions.reminders",
    "offer.reminders",
    "partners.reminders",
    "voice.reminders",
)


def plan_all(today: date | None = None) -> dict[str, int]:
    """How many new rows each app wrote. One app's failure does not stop the others."""
    today = today or timezone.localdate()
    written: dict[str, int] = {}
    for name in PLANNERS:
        try:
            written[name] = import_module(name).plan(today=today)
        except Exception:  # logged; the other apps' reminders still go
            logger.exception("Planning reminders in %s failed", name)
            written[name] = 0
    services.alerts_purge_unconfirmed()
    return written
