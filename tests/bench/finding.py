"""The finding-things benchmark: `python -m tests.bench.finding [--factor 10]`.

The page benchmark (tests/bench/suite.py) times every page a crawl reaches by links; a search
with words and the JSON API are reached by forms and programs, not links, so this times them on
the same scaled data set (tests/bench/data.py, factor 10 by default) and the same client: offer
searches (a misspelling, a question, a filter with no words), the papers search, the month grid,
a public body's page and each open data dataset. Results go to bench/finding-results.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

SETTINGS_MODULE = "corporate_parenting.settings_test"
ROOT = Path(__file__).resolve().parents[2]

OFFER = [
    "/offer/search/?q=counsil+tax",
    "/offer/search/?q=how+do+i+get+money+for+uni",
    "/offer/search/?age=18&status=former_relevant",
    "/offer/search/?q=somewhere+to+live&page=2",
]
PAPERS = ["/panels/search/?q=care+leavers", "/panels/search/?q=housing&kind=decision"]
MONTH = ["/events/", "/events/public/month/"]


def _urls(role: str) -> list[str]:
    from corporate_parenting.open_data import DATASETS
    from panels.models import Body

    urls = OFFER + PAPERS + [MONTH[0] if role != "anonymous" else MONTH[1]]
    body = Body.objects.public().order_by("pk").first()
    if body is not None:
        urls.append(f"/panels/public/bodies/{body.slug}/")
    if role == "anonymous":
        urls += ["/api/v1/"] + [f"/api/v1/{name}/" for name in DATASETS]
        urls += [f"/api/v1/{name}.csv" for name in ("meetings", "offer")]
    return urls


def measure(factor: int, requests: int) -> dict[str, object]:
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from tests.bench import data, pages
    from tests.second_factor import sign_in_verified

    call_command("flush", interactive=False, verbosity=0)
    build = data.build(factor)
    with connection.cursor() as cursor:
        # As autovacuum would soon after a real load: the planner then uses the search indexes.
        cursor.execute("ANALYZE")
    rows: list[dict[str, object]] = []
    for role in ("anonymous", "councillor", "officer"):
        client = Client()
        if role != "anonymous":
            sign_in_verified(client, data.first_user(role))
        for url in _urls(role):
            cache.clear()  # the API caches: time the work, not the cache
            assert client.get(url).status_code == 200, (role, url)
            timing = pages.time_get(client, url, requests)
            row: dict[str, object] = {
                "role": role,
                "url": url,
                "median_ms": round(timing.median_ms, 2),
                "p95_ms": round(timing.p95_ms, 2),
                "queries": pages.count_queries(client, url),
            }
            if url.startswith("/api/"):
                # The API answers from its cache above; this is the work behind a miss.
                misses = []
                for _ in range(requests):
                    cache.clear()
                    started = time.perf_counter()
                    client.get(url)
                    misses.append((time.perf_counter() - started) * 1000)
                cache.clear()
                row["uncached_median_ms"] = round(statistics.median(misses), 2)
                row["uncached_p95_ms"] = round(pages.p95(misses), 2)
                row["queries"] = pages.count_queries(client, url)
            rows.append(row)
    return {"factor": factor, "build_rows": build.rows, "pages": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.finding", description=__doc__)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "finding-results.json")
    arguments = parser.parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=False
    )
    try:
        results = measure(arguments.factor, arguments.requests)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()
    results = {"measured_on": datetime.date.today().isoformat(), **results}
    arguments.output.parent.mkdir(exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n")
    print("| role | URL | median / p95 ms | uncached median / p95 ms | queries |")
    print("| --- | --- | --- | --- | --- |")
    pages_measured: list[dict[str, object]] = results["pages"]  # type: ignore[assignment]  # measure() returns them under "pages"
    for row in pages_measured:
        uncached = (
            f"{row['uncached_median_ms']} / {row['uncached_p95_ms']}"
            if "uncached_p95_ms" in row
            else ""
        )
        print(
            f"| {row['role']} | `{row['url']}` | {row['median_ms']} / {row['p95_ms']} | "
            f"{uncached} | {row['queries']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
