"""Removing what the portal no longer needs to keep (README "Data map": how long each thing is
kept). Run daily by Celery beat (`retention.apply`); safe to run twice, or late.

Kept for good, and never removed here: governance records and their history, the audit trail,
engagements, minutes, reports. Personal data of people who leave stays on the records they
made (names on minutes and reports), as DOMAIN.md requires.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.reminders.models import AlertSubscription
from panels.reports.models import PackBuild


def retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Remove everything past its period; returns how many of each were removed."""
    now = now or timezone.now()
    days = settings.RETENTION_DAYS
    removed: dict[str, int] = {}

    # Sign-in attempts (address, browser, e-mail address typed): 90 days, long enough to see a
    # pattern of attacks, and what axes needs for its lockout (15 minutes).
    sign_ins = now - timedelta(days=days["sign_in_attempts"])
    removed["sign-in attempts"] = AccessAttempt.objects.filter(attempt_time__lt=sign_ins).delete()[
        0
    ]
    removed["sign-in log"] = AccessLog.objects.filter(attempt_time__lt=sign_ins).delete()[0]
    removed["failed sign-in log"] = AccessFailureLog.objects.filter(
        attempt_time__lt=sign_ins
    ).delete()[0]

    # Sessions past their expiry (what `clearsessions` does).
    removed["expired sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]

    # An authenticator app set up but never confirmed: a day.
    removed["unconfirmed app set-ups"] = TOTPDevice.objects.filter(
        confirmed=False, created_at__lt=now - timedelta(days=1)
    ).delete()[0]

    # Alert sign-ups never confirmed: only an e-mail address, useless once the link has expired.
    removed["unconfirmed alert sign-ups"] = AlertSubscription.objects.filter(
        confirmed_at__isnull=True,
        created_at__lt=now - timedelta(days=settings.REMINDERS_CONFIRM_MAX_AGE_DAYS + 1),
    ).delete()[0]

    removed["old agenda packs"] = _old_packs_remove(now - timedelta(days=days["old_packs"]))
    return removed


def _old_packs_remove(before: datetime) -> int:
    """Packs made for an earlier version of a meeting's papers: the latest of each meeting,
    supplement and edition is what people download, and it can be made again; older ones go
    after a while."""
    latest: dict[tuple[int, int | None, str], int] = {
        (row["meeting_id"], row["supplement_id"], row["edition"]): row["last"]
        for row in PackBuild.objects.values("meeting_id", "supplement_id", "edition").annotate(
            last=Max("pk")
        )
    }
    stale = [
        build
        for build in PackBuild.objects.filter(created_at__lt=before).only(
            "pk", "meeting_id", "supplement_id", "edition", "file"
        )
        if latest.get((build.meeting_id, build.supplement_id, build.edition)) != build.pk
    ]
    storage = PackBuild._meta.get_field("file").storage
    for build in stale:
        with transaction.atomic():
            name = build.file.name
            build.delete()
            if name:
                transaction.on_commit(partial(storage.delete, name))
    return len(stale)
