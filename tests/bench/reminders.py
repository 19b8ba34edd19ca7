"""The reminder benchmark: `python -m tests.bench.reminders`.

10,000 due reminders in a throwaway database, two Celery worker processes on the real Redis
broker (REDIS_URL), the database e-mail backend (each message rendered, text and HTML, and
written as a row). The figure is the time from the dispatcher's run (claim and queue) until the
ledger shows every reminder sent, checked against the mail written: each exactly once.
Target: 60 s or less. Results go to bench/reminders-results.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
from pathlib import Path

import django

SETTINGS_MODULE = "corporate_parenting.settings_test"
ROOT = Path(__file__).resolve().parents[2]
TARGET_S = 60.0


def _measure(count: int, workers: int, concurrency: int, redis_url: str) -> dict[str, object]:
    from collections import Counter

    from django.db import connection

    from corporate_parenting.reminders import dispatch
    from corporate_parenting.reminders.models import MailboxMessage, Reminder
    from tests.core import reminder_worker

    reminder_worker.purge(redis_url)
    started = time.perf_counter()
    reminder_worker.make_due_reminders(count)
    built_s = time.perf_counter() - started
    pool = [
        reminder_worker.Worker(
            broker_url=redis_url, database=connection.settings_dict, concurrency=concurrency
        ).start()
        for _ in range(workers)
    ]
    try:
        time.sleep(4)  # the workers start (Django and Celery import) before the clock starts
        for worker in pool:
            assert worker.process is not None and worker.process.poll() is None, worker.output()
        started = time.perf_counter()
        result = dispatch.dispatch()
        claimed_s = time.perf_counter() - started
        deadline = started + 300
        while time.perf_counter() < deadline:
            if Reminder.objects.filter(status="sent").count() == count:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
    finally:
        for worker in pool:
            worker.stop()
            worker.log.unlink(missing_ok=True)
        reminder_worker.purge(redis_url)
    statuses = Counter(Reminder.objects.values_list("status", flat=True))
    written = Counter(MailboxMessage.objects.values_list("reminder_id", flat=True))
    return {
        "reminders": count,
        "workers": workers,
        "concurrency_per_worker": concurrency,
        "batch_size": int(os.environ.get("REMINDERS_BATCH_SIZE", "25")),
        "claimed": result.claimed,
        "claim_and_queue_s": round(claimed_s, 2),
        "all_sent_s": round(elapsed, 2),
        "per_second": round(count / elapsed, 1),
        "statuses": dict(statuses),
        "messages_written": sum(written.values()),
        "sent_twice": sum(1 for n in written.values() if n > 1),
        "build_s": round(built_s, 2),
        "target_s": TARGET_S,
        "met": elapsed <= TARGET_S and statuses == Counter({"sent": count}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.reminders", description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=1, help="processes per worker")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "reminders-results.json")
    arguments = parser.parse_args(argv)
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        print("Set REDIS_URL to a Redis the workers can use (e.g. redis://127.0.0.1:6379/0).")
        return 2
    if "DATABASE_URL" not in os.environ:
        print("Set DATABASE_URL: the workers are separate processes on the same database.")
        return 2
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    os.environ["CELERY_BROKER_URL"] = redis_url  # the dispatcher queues to the workers
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=False
    )
    try:
        results = _measure(arguments.count, arguments.workers, arguments.concurrency, redis_url)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()
    results = {
        "measured_on": datetime.datetime.now().astimezone().date().isoformat(),
        "machine": {
            "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0,
            "platform": f"{platform.system()} {platform.machine()}",
            "python": platform.python_version(),
        },
        **results,
    }
    arguments.output.parent.mkdir(exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n")
    print(
        f"{results['reminders']:,} reminders, {results['workers']} workers: all sent in "
        f"{results['all_sent_s']} s ({results['per_second']}/s); target {TARGET_S:.0f} s: "
        f"{'met' if results['met'] else 'MISSED'}; sent twice: {results['sent_twice']}"
    )
    return 0 if results["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
