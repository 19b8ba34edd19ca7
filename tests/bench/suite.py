"""The benchmark itself: for each size, build the data set, then measure every page and the floor.

Imported only after django.setup() (tests/bench/run.py does that): it imports models.
"""

import os
import platform
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.template import Template
from django.test import Client
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

from tests.bench import data, pages, report, throughput
from tests.bench.urls import FLOOR_PATH

ANONYMOUS = "anonymous"
ROLES = (ANONYMOUS, "councillor", "officer", "admin")
BENCH_URLCONF = "tests.bench.urls"
BUILD_SECONDS_LIMIT = 120.0


def _nproc() -> int:
    # What `nproc` prints: the CPUs this process may run on, not all the machine has.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _postgresql_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return str(cursor.fetchone()[0]).split(" ")[0]


def measure_factor(
    factor: int, requests: int, floor_requests: int, with_throughput: bool
) -> dict[str, Any]:
    # Every size starts from empty tables, so the sizes never add up.
    call_command("flush", interactive=False, verbosity=0)
    cache.clear()
    build = data.build(factor)
    # Planner statistics, as a running database keeps them: without them a plan can be 100x off.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The site settings are cached; the next request must read the row just built.
    cache.clear()
    print(f"×{factor}: built in {build.seconds:.2f} s: {build.rows}", flush=True)

    users = {role: None if role == ANONYMOUS else data.first_user(role) for role in ROLES}
    limit, ceiling = report.p95_limit(factor), report.P95_CEILING
    roles: dict[str, dict[str, Any]] = {}
    skipped: dict[str, list[dict[str, object]]] = {}
    with override_settings(ROOT_URLCONF=BENCH_URLCONF):
        # Every page is compared with the plainest page of the same layout: the public landing
        # page, measured in the same run. The bare view is kept beside it for reference.
        floor = pages.time_get(Client(), FLOOR_PATH, floor_requests)
        landing = pages.time_get(Client(), report.LANDING_PATH, floor_requests)
        for role in ROLES:
            client = Client()
            user = users[role]
            if user is not None:
                from tests.second_factor import sign_in_verified

                sign_in_verified(client, user)
            found = pages.crawl(client)
            skipped[role] = found.skipped
            roles[role] = {}
            for page, url in found.pages.items():
                timing = pages.time_get(client, url, requests)
                ratio = timing.p95_ms / landing.p95_ms
                roles[role][page] = {
                    "url": url,
                    "median_ms": round(timing.median_ms, 3),
                    "p95_ms": round(timing.p95_ms, 3),
                    "queries": pages.count_queries(client, url),
                    "ratio_to_landing": round(ratio, 2),
                    "ratio_to_bare_view": round(timing.p95_ms / floor.p95_ms, 2),
                    "p95_limit": limit,
                    "p95_ok": ratio <= limit,
                    "p95_under_ceiling": ratio <= ceiling,
                }
                if ratio > limit:
                    # What the page over its target spends its time on, measured apart.
                    spent = pages.attribute(client, url)
                    roles[role][page]["time_spent"] = {
                        "total_ms": round(spent.total_ms, 2),
                        "sql_ms": round(spent.sql_ms, 2),
                        "templates_ms": round(spent.templates_ms, 2),
                        "python_ms": round(spent.rest_ms, 2),
                        "top_template": spent.top_template,
                        "top_template_ms": round(spent.top_template_ms, 2),
                        "top_template_renders": spent.top_template_renders,
                        "cause": spent.cause(),
                    }
            print(f"×{factor}: {role}: {len(roles[role])} pages", flush=True)

    result: dict[str, Any] = {
        "build": {
            "seconds": round(build.seconds, 3),
            "seconds_by_builder": {k: round(v, 3) for k, v in build.seconds_by_builder.items()},
            "rows": build.rows,
            "under_limit": build.seconds < BUILD_SECONDS_LIMIT,
        },
        "landing": {
            "url": report.LANDING_PATH,
            "median_ms": round(landing.median_ms, 3),
            "p95_ms": round(landing.p95_ms, 3),
            "requests": landing.requests,
        },
        "floor": {
            "url": FLOOR_PATH,
            "median_ms": round(floor.median_ms, 3),
            "p95_ms": round(floor.p95_ms, 3),
            "requests": floor.requests,
        },
        "roles": roles,
        "skipped": skipped,
    }
    if with_throughput:
        print(f"×{factor}: throughput under gunicorn…", flush=True)
        try:
            database = throughput.database_url(connection.settings_dict)
            result["throughput"] = throughput.measure(database, data.first_user("councillor"))
        except Exception as error:
            # Keep the page timings: report the failure in the results and the exit status.
            traceback.print_exc()
            result["throughput"] = {"error": f"{type(error).__name__}: {error}"}
    return result


def run(
    factors: list[int],
    requests: int,
    floor_requests: int,
    with_throughput: bool,
    results_path: Path,
    readme: Path | None,
) -> int:
    rendered_as_served = Template._render  # type: ignore[attr-defined]  # the stubs leave it out
    setup_test_environment()
    # Templates render as a server renders them. setup_test_environment makes each one send a
    # signal for the test client, which copies the context to give a test response.context;
    # nothing here reads it, and on a form (several templates a field) it was 10 to 15% of the
    # page's time, which no server pays. teardown_test_environment puts back the same method.
    Template._render = rendered_as_served  # type: ignore[attr-defined]  # as above
    # A name of its own: pytest's test database on the same server is never clobbered, even when
    # the tests and the benchmark run at the same time.
    connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_bench"
    started = time.perf_counter()
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=False
    )
    print(f"bench database {connection.settings_dict['NAME']} ready", flush=True)
    try:
        results: dict[str, Any] = {
            "measured_on": datetime.now().astimezone().date().isoformat(),
            "machine": {
                "nproc": _nproc(),
                "platform": f"{platform.system()} {platform.machine()}",
                "python": platform.python_version(),
                "postgresql": _postgresql_version(),
            },
            "method": {
                "client": "django.test.Client",
                "requests_per_page": requests,
                "warmup_requests": pages.WARMUP_REQUESTS,
                "floor_requests": floor_requests,
                "throughput": {
                    "server": "gunicorn",
                    "workers": throughput.WORKERS,
                    "concurrency": throughput.CONCURRENCY,
                    "max_seconds": throughput.MAX_SECONDS,
                    "max_requests": throughput.MAX_REQUESTS,
                },
            },
            "targets": {
                "p95_to_landing": {str(f): report.p95_limit(f) for f in factors},
                "p95_to_landing_never_over": report.P95_CEILING,
                "queries": "the same at every size",
                "build_seconds": BUILD_SECONDS_LIMIT,
            },
            "roles": list(ROLES),
            "factors": {},
        }
        for factor in factors:
            results["factors"][str(factor)] = measure_factor(
                factor, requests, floor_requests, with_throughput
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()

    results["queries_same"] = report.queries_same(results)
    results["seconds"] = round(time.perf_counter() - started, 1)
    table = report.markdown(results)
    report.write_json(results, results_path)
    print()
    print(table)
    print()
    for key, factor in results["factors"].items():
        for role, skipped in factor["skipped"].items():
            for link in skipped:
                print(f"×{key} {role}: not measured {link['url']} (HTTP {link['status']})")
    print(f"\nwrote {results_path}", end="")
    if readme is not None:
        updated = report.update_readme(readme, table)
        print(f" and {readme.name}" if updated else f"; no bench markers in {readme.name}", end="")
    print(f"; {results['seconds']:.0f} s in all")

    failed = [
        key
        for key, factor in results["factors"].items()
        if isinstance(factor.get("throughput"), dict)
    ]
    if failed:
        print(f"throughput failed at ×{', ×'.join(failed)}", file=sys.stderr)
        return 1
    return 0
