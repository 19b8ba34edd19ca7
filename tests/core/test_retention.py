"""What is past its period is removed; what is not, and every governance record, stays."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from celery.schedules import crontab
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.history.retention import retention_apply
from corporate_parenting.reminders.models import AlertSubscription
from panels.reports.models import PackBuild
from tests import factories
from tests.panels.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _attempt(days_ago: int) -> AccessAttempt:
    attempt = AccessAttempt.objects.create(
        username=f"someone{days_ago}@example.org",
        ip_address="192.0.2.1",
        user_agent="x",
        failures_since_start=1,
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - timedelta(days=days_ago)
    )
    return attempt


def test_old_sign_in_attempts_go_recent_ones_stay():
    old, recent = _attempt(91), _attempt(3)
    removed = retention_apply()
    assert removed["sign-in attempts"] == 1
    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk


def test_expired_sessions_and_abandoned_app_set_ups_go():
    Session.objects.create(
        session_key="old", session_data="", expire_date=timezone.now() - timedelta(hours=1)
    )
    Session.objects.create(
        session_key="live", session_data="", expire_date=timezone.now() + timedelta(hours=1)
    )
    user = factories.officer()
    abandoned = TOTPDevice.objects.create(user=user, name="phone", confirmed=False)
    TOTPDevice.objects.filter(pk=abandoned.pk).update(created_at=timezone.now() - timedelta(days=2))
    pending = TOTPDevice.objects.create(user=user, name="phone", confirmed=False)
    confirmed = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    TOTPDevice.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    retention_apply()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]
    assert set(TOTPDevice.objects.values_list("pk", flat=True)) == {pending.pk, confirmed.pk}


def test_unconfirmed_alert_sign_ups_go_after_their_link_expires():
    body = BodyFactory()
    old = AlertSubscription.objects.create(email="old@example.org", body=body)
    AlertSubscription.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=settings.REMINDERS_CONFIRM_MAX_AGE_DAYS + 2)
    )
    fresh = AlertSubscription.objects.create(email="fresh@example.org", body=body)
    kept = AlertSubscription.objects.create(
        email="kept@example.org", body=body, confirmed_at=timezone.now() - timedelta(days=400)
    )
    AlertSubscription.objects.filter(pk=kept.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    retention_apply()
    assert set(AlertSubscription.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}


def test_superseded_old_packs_go_with_their_files_the_latest_stays(
    django_capture_on_commit_callbacks, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory()
    builds = []
    for key in ("v1", "v2", "v3"):
        build = PackBuild.objects.create(meeting=meeting, edition="public", content_key=key)
        build.file.save(f"pack-{key}.pdf", ContentFile(b"%PDF-1.7"), save=True)
        builds.append(build)
    old_time = timezone.now() - timedelta(days=31)
    PackBuild.objects.filter(pk__in=[b.pk for b in builds]).update(created_at=old_time)
    recent_but_superseded = PackBuild.objects.create(
        meeting=meeting, edition="full", content_key="a"
    )
    PackBuild.objects.create(meeting=meeting, edition="full", content_key="b")
    with django_capture_on_commit_callbacks(execute=True):
        removed = retention_apply()
    assert removed["old agenda packs"] == 2
    assert set(
        PackBuild.objects.filter(edition="public").values_list("content_key", flat=True)
    ) == {"v3"}
    assert PackBuild.objects.filter(pk=recent_but_superseded.pk).exists()
    assert not (tmp_path / builds[0].file.name).exists()
    assert (tmp_path / builds[2].file.name).exists()


def test_a_supplement_never_makes_its_agenda_pack_look_superseded(
    django_capture_on_commit_callbacks, tmp_path, settings
):
    from panels.models import Supplement

    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory()
    pack = PackBuild.objects.create(meeting=meeting, edition="public", content_key="pack")
    supplement = Supplement.objects.create(
        meeting=meeting, number=1, reason="Late figures", published_at=timezone.now()
    )
    PackBuild.objects.create(
        meeting=meeting, supplement=supplement, edition="public", content_key="supplement"
    )
    PackBuild.objects.update(created_at=timezone.now() - timedelta(days=31))
    with django_capture_on_commit_callbacks(execute=True):
        removed = retention_apply()
    assert removed["old agenda packs"] == 0
    assert PackBuild.objects.filter(pk=pack.pk).exists()


def test_running_twice_removes_nothing_more():
    _attempt(100)
    retention_apply()
    assert set(retention_apply().values()) == {0}


def test_retention_is_scheduled_outside_the_clock_change_hours():
    entry = settings.CELERY_BEAT_SCHEDULE["retention-apply"]
    assert entry["task"] == "retention.apply"
    schedule: crontab = entry["schedule"]
    assert not set(schedule.hour) & {1, 2}
