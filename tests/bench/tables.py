"""PortalTable's rows against django-tables2's own: `python -m tests.bench.tables [--factor 10]`.

corporate_parenting/tables/rows.py writes each row of a list in Python (PortalTable.portal_rows)
where django-tables2 renders it cell by cell in the template (BoundRow, django_tables2/govuk.html's
fallback loop). This times the same list pages, on the same scaled data set, three ways in turn:

- ours: as the portal runs;
- django-tables2: `portal_rows` None, so govuk.html renders django-tables2's rows;
- no rows: the page's rows fetched but not written, which leaves the rest of the page.

A list's rows cost its time less the time with no rows; the ratio of those two costs is how much
faster ours writes the same rows. The three are interleaved in rounds, so a machine shared with
other work slows them alike. Results go to bench/tables-results.json.

`--reuse` measures the database in DATABASE_URL as it is (built before, for example by
`python -m tests.bench.tables --build-only`), so the build of several minutes is paid once.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import django

SETTINGS_MODULE = "corporate_parenting.settings_test"
ROOT = Path(__file__).resolve().parents[2]

# Lists measured, as (role, URL): every list a role reaches in the page benchmark with 25 rows.
LISTS = [
    ("admin", "/champions/engagements/"),
    ("officer", "/champions/engagements/"),
    ("admin", "/champions/members/"),
    ("councillor", "/panels/"),
    ("councillor", "/panels/actions/"),
    ("admin", "/events/list/"),
    ("admin", "/people/"),
    ("admin", "/offer/manage/"),
    ("admin", "/offer/indicators/"),
    ("admin", "/audit/"),
    ("admin", "/audit/changes/"),
]
MODES = ("ours", "django-tables2", "no rows")


def _fetched_not_written(table: Any) -> list[object]:
    list(table.paginated_rows)  # the page's rows read, as both other modes read them
    return []


def _mode(name: str) -> None:
    from corporate_parenting.tables.rows import PortalTable

    rows = PortalTable.__dict__["_portal_rows_written"]
    if name == "ours":
        PortalTable.portal_rows = rows  # type: ignore[method-assign]  # ours put back
    elif name == "django-tables2":
        PortalTable.portal_rows = None  # type: ignore[assignment]  # govuk.html's own loop
    else:
        PortalTable.portal_rows = property(_fetched_not_written)  # type: ignore[assignment]


def _time(client: Any, url: str, requests: int) -> list[float]:
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return samples


def measure(rounds: int, requests: int) -> list[dict[str, Any]]:
    from django.test import Client

    from corporate_parenting.tables.rows import PortalTable
    from tests.bench import data
    from tests.second_factor import sign_in_verified

    # Keep ours aside under a name of its own, so each mode can be put back in its place.
    PortalTable._portal_rows_written = PortalTable.__dict__["portal_rows"]
    clients: dict[str, Any] = {}
    results = []
    try:
        for role, url in LISTS:
            if role not in clients:
                clients[role] = sign_in_verified(Client(), data.first_user(role))
            client = clients[role]
            samples: dict[str, list[float]] = {mode: [] for mode in MODES}
            for mode in MODES:  # warm-up: templates compiled, caches filled
                _mode(mode)
                _time(client, url, 3)
            for _ in range(rounds):
                for mode in MODES:
                    _mode(mode)
                    gc.collect()
                    samples[mode] += _time(client, url, requests)
            medians = {mode: statistics.median(values) for mode, values in samples.items()}
            ours = medians["ours"] - medians["no rows"]
            theirs = medians["django-tables2"] - medians["no rows"]
            results.append(
                {
                    "role": role,
                    "url": url,
                    "median_ms": {mode: round(value, 2) for mode, value in medians.items()},
                    "rows_ms": {"ours": round(ours, 2), "django-tables2": round(theirs, 2)},
                    "times_faster": round(theirs / ours, 2) if ours > 0 else None,
                }
            )
            print(results[-1], flush=True)
    finally:
        _mode("ours")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.tables", description=__doc__)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=6, help="requests per mode and round")
    parser.add_argument("--reuse", action="store_true", help="measure DATABASE_URL as it is")
    parser.add_argument("--build-only", action="store_true", help="build into DATABASE_URL")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "tables-results.json")
    arguments = parser.parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    from tests.bench import data

    def build() -> None:
        call_command("flush", interactive=False, verbosity=0)
        data.build(arguments.factor)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    if arguments.build_only:
        call_command("migrate", verbosity=0)
        build()
        return 0
    setup_test_environment()
    old_name = None
    if not arguments.reuse:
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=False
        )
        build()
    try:
        results = measure(arguments.rounds, arguments.requests)
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()
    output = {
        "measured_on": datetime.date.today().isoformat(),
        "factor": arguments.factor,
        "method": f"{arguments.rounds} rounds of {arguments.requests} requests per mode",
        "lists": results,
    }
    arguments.output.parent.mkdir(exist_ok=True)
    arguments.output.write_text(json.dumps(output, indent=2) + "\n")
    print(
        "| role | list | page median ms: ours / django-tables2 / no rows | rows ms: ours / django-tables2 | times faster |"
    )
    print("| --- | --- | --- | --- | --- |")
    for row in results:
        m, r = row["median_ms"], row["rows_ms"]
        print(
            f"| {row['role']} | `{row['url']}` | {m['ours']} / {m['django-tables2']} / "
            f"{m['no rows']} | {r['ours']} / {r['django-tables2']} | {row['times_faster']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
