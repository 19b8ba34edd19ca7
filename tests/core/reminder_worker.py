"""A real Celery worker for the reminder tests and the benchmark: a separate process on the
real Redis broker, sending into the same PostgreSQL database the test reads (the database
e-mail backend writes each message as a MailboxMessage row)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
MAILBOX_BACKEND = "corporate_parenting.reminders.mailbox.DatabaseBackend"


def database_url(database: dict[str, object]) -> str:
    """DATABASE_URL of this Django database (the test database under pytest-django)."""
    user = quote(str(database.get("USER") or ""))
    password = quote(str(database.get("PASSWORD") or ""))
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{database['NAME']}"


class Worker:
    """`celery -A corporate_parenting worker` in its own process group, so that SIGKILL takes
    the pool's children with it, as when a machine or container dies."""

    def __init__(self, *, broker_url: str, database: dict[str, object], concurrency: int = 2):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "corporate_parenting.settings_test",
            "DJANGO_ENV": "test",
            "DATABASE_URL": database_url(database),
            "CELERY_BROKER_URL": broker_url,
            "EMAIL_BACKEND": MAILBOX_BACKEND,
            "CONN_MAX_AGE": "0",
        }
        self.concurrency = concurrency
        self.process: subprocess.Popen[bytes] | None = None
        self.log = ROOT / "tmp" / f"worker-{uuid.uuid4().hex[:8]}.log"

    def start(self) -> Worker:
        self.log.parent.mkdir(exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "corporate_parenting",
            "worker",
            f"--concurrency={self.concurrency}",
            "--pool=prefork",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"reminders-test-{uuid.uuid4().hex[:8]}@%h",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def kill(self) -> None:
        """SIGKILL to the whole worker: no clean shutdown, no acknowledgement, nothing."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@contextlib.contextmanager
def running(**kwargs: object) -> Iterator[Worker]:
    worker = Worker(**kwargs).start()  # type: ignore[arg-type]  # kwargs are Worker's own keyword arguments
    try:
        yield worker
    finally:
        worker.stop()
        worker.log.unlink(missing_ok=True)


@contextlib.contextmanager
def broker(url: str, *, eager: bool = False) -> Iterator[None]:
    """Point this process's Celery app at a broker (or at a closed port, for "Redis is down")."""
    from corporate_parenting.celery import app

    before = {
        "broker_url": app.conf.broker_url,
        "task_always_eager": app.conf.task_always_eager,
    }

    def reset_pools() -> None:
        from kombu import pools

        pools.reset()  # closes and forgets every connection and producer pool
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.update(broker_url=url, task_always_eager=eager)
    reset_pools()
    try:
        yield
    finally:
        app.conf.update(**before)
        reset_pools()


def purge(url: str) -> None:
    """Empty the default queue and the unacknowledged set left by a killed worker."""
    import redis

    client = redis.Redis.from_url(url)
    client.delete("celery", "unacked", "unacked_index", "unacked_mutex")


def make_due_reminders(count: int) -> list[int]:
    """count due reminders of a real kind, each to its own person, written in bulk."""
    from django.utils import timezone

    from corporate_parenting.models import User
    from corporate_parenting.reminders.kinds import Kind
    from corporate_parenting.reminders.models import Reminder

    users = User.objects.bulk_create(
        [User(email=f"reader{n}@example.net", full_name=f"Reader {n}") for n in range(count)]
    )
    now = timezone.now()
    rows = [
        Reminder(
            kind=Kind.ACTIONS_OVERDUE_DIGEST,
            subject_key="panels.body:1",
            recipient_key=f"user:{user.pk}",
            recipient=user,
            to_email=user.email,
            occasion="2026-W48",
            context={
                "body_name": "Corporate Parenting Panel",
                "actions": [{"text": "Report back on housing", "owner": "Sam", "due": "1 May"}],
                "path": "/panels/actions/",
            },
            due_at=now,
            send_after=now,
        )
        for user in users
    ]
    return [row.pk for row in Reminder.objects.bulk_create(rows)]


def wait_for(condition, *, timeout: float, interval: float = 0.05, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(message or "timed out")
