"""Load and faults: `python -m tests.bench.load` (part of `make bench`).

1. Load: 50 people for 60 s against gunicorn as docker-compose runs it (DJANGO_ENV=production,
   three sync workers, connections kept 60 s), on the loopback, with a proxy's
   X-Forwarded-Proto header. They browse, search the offer, log engagements and sign up for
   events. Any 5xx, refused connection or unexpected answer is an error; afterwards every write
   the portal acknowledged (a redirect after the POST) is looked for in the database, and every
   row the people made must have been acknowledged.
2. Faults: a throwaway PostgreSQL (pgserver, in a temporary folder; never the machine's shared
   server) is restarted while ten people keep asking for pages; the figure is how long after it
   accepts connections again the portal answers, with gunicorn left running.

The load database is LOAD_DATABASE_URL (default: portal_trust_b_load on the local server), dropped
and made again. Results go to bench/load-results.json and are printed as a Markdown table.
"""

from __future__ import annotations

import atexit
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
MAX_REQUESTS = 200_000
WORKERS = 3  # as docker-compose.yml runs it
THREADS = int(os.environ.get("LOAD_THREADS", "4"))  # the second run: gthread workers
SECRET_KEY = "bench-only-secret-key-never-used-anywhere-else-0123456789abcdef"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_trust_b_load"
SEARCHES = ("housing", "council tax", "money", "health", "education", "driving lessons", "job")
RESULTS = ROOT / "bench" / "load-results.json"


def production_env(database_url: str, media: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "corporate_parenting.settings",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": LOOPBACK,
        "PORTAL_BASE_URL": "https://portal.example.gov.uk",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": media,
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": "dummymail://",
        "CELERY_BROKER_URL": "",
    }


# --- HTTP ---------------------------------------------------------------------------------------


@dataclass
class Browser:
    """One person: their cookies, and what they did."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    sent: int = 0

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, bytes]:
        headers = {
            # As the TLS-terminating proxy in front of gunicorn sends it.
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{LOOPBACK}:{self.port}"
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=60)
        self.sent += 1
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location") or "", response.read()
        finally:
            connection.close()


def csrf_token(page: bytes) -> str:
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not found:
        raise RuntimeError("no CSRF token on the form page")
    return found.group(1).decode()


# --- the data -----------------------------------------------------------------------------------


def prepare_database(url: str) -> None:
    import psycopg2

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = psycopg2.connect(
        dbname="postgres",
        host=parsed.hostname,
        port=parsed.port,
        user=parsed.username,
        password=parsed.password,
    )
    admin.autocommit = True
    if "django" in sys.modules:
        # A run before this one left Django connected to the database dropped below.
        from django.db import connections

        connections.close_all()
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def build(url: str) -> dict[str, Any]:
    """Migrate, the demo data, and 50 councillors who champion an area, with sessions."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="corporate_parenting.settings_test",
        DATABASE_URL=url,
        SECRET_KEY=SECRET_KEY,
        DEMO_PASSWORD="bench-demo-password",
    )
    import django

    django.setup()
    import io

    from django.core.management import call_command

    from tests.bench.throughput import session_cookie
    from tests.champions.factories import AppointmentFactory, MemberFactory
    from tests.events.factories import EventFactory
    from tests.factories import councillor

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    from champions.models import ChampionArea
    from offer.models import OfferCategory

    areas = list(ChampionArea.objects.all())
    events = [EventFactory(title=f"Bench event {n}").pk for n in range(40)]
    people = []
    for n in range(USERS):
        user = councillor(email=f"load{n}@example.org", full_name=f"Load Councillor {n}")
        member = MemberFactory(user=user, dbs_status="cleared")
        area = areas[n % len(areas)]
        AppointmentFactory(member=member, area=area)
        people.append({"pk": user.pk, "area": area.pk, "cookie": session_cookie(user)})
    return {
        "people": people,
        "events": events,
        "categories": list(OfferCategory.objects.values_list("slug", flat=True)),
    }


# --- the load -----------------------------------------------------------------------------------


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    engagements: Counter[int] = field(default_factory=Counter)
    sign_ups: set[tuple[int, int]] = field(default_factory=set)
    http_requests: int = 0

    def note(self, kind: str, ms: float, error: str | None = None) -> None:
        with self.lock:
            self.counts[kind] += 1
            self.latencies.append(ms)
            if error:
                self.errors.append(f"{kind}: {error}")


def person(port: int, who: dict[str, Any], data: dict[str, Any], tally: Tally, stop: float) -> None:
    browser = Browser(port)
    name, _, value = who["cookie"].partition("=")
    browser.cookies[name] = value
    chance = random.Random(who["pk"])
    to_sign_up = list(data["events"])
    chance.shuffle(to_sign_up)
    while time.monotonic() < stop and sum(tally.counts.values()) < MAX_REQUESTS:
        roll = chance.random()
        started = time.monotonic()
        try:
            if roll < 0.45:
                kind = "browse"
                path = chance.choice(
                    [
                        "/",
                        "/offer/",
                        f"/offer/category/{chance.choice(data['categories'])}/",
                        "/offer/you-said-we-did/",
                        "/events/public/",
                        "/events/list/",
                        f"/events/{chance.choice(data['events'])}/",
                        "/champions/",
                        "/champions/engagements/",
                    ]
                )
                status, _, _ = browser.request("GET", path)
                error = None if status == 200 else f"GET {path} answered {status}"
            elif roll < 0.65:
                kind = "search"
                path = "/offer/search/?" + urlencode({"q": chance.choice(SEARCHES)})
                status, _, _ = browser.request("GET", path)
                error = None if status == 200 else f"GET {path} answered {status}"
            elif roll < 0.85 or not to_sign_up:
                kind = "log engagement"
                status, _, page = browser.request("GET", "/champions/engagements/new/")
                error = None if status == 200 else f"engagement form answered {status}"
                if error is None:
                    form = {
                        "csrfmiddlewaretoken": csrf_token(page),
                        "date": time.strftime("%Y-%m-%d"),
                        "kind": "visit",
                        "area": str(who["area"]),
                        "event_title": "",
                        "what_we_did": "Visited the youth club",
                        "young_people_said": "More trips please",
                        "follow_up_requested": "",
                        "young_people_count": "4",
                    }
                    status, location, _ = browser.request(
                        "POST", "/champions/engagements/new/", form
                    )
                    if status == 302 and "/engagements/new/" not in location:
                        with tally.lock:
                            tally.engagements[who["pk"]] += 1
                    else:
                        error = f"engagement POST answered {status} {location}"
            else:
                kind = "sign up"
                event = to_sign_up.pop()
                status, _, page = browser.request("GET", f"/events/{event}/")
                error = None if status == 200 else f"event page answered {status}"
                if error is None:
                    status, _, _ = browser.request(
                        "POST",
                        f"/events/{event}/sign-up/",
                        {"csrfmiddlewaretoken": csrf_token(page)},
                    )
                    if status == 302:
                        with tally.lock:
                            tally.sign_ups.add((who["pk"], event))
                    else:
                        error = f"sign-up POST answered {status}"
        except Exception as problem:
            kind, error = "failure", repr(problem)
        tally.note(kind, (time.monotonic() - started) * 1000, error)
        time.sleep(chance.uniform(0.0, 0.2))  # a person reads for a moment
    with tally.lock:
        tally.http_requests += browser.sent


def gunicorn(env: dict[str, str], port: int, log: Any, threads: int = 1) -> subprocess.Popen[bytes]:
    # threads > 1: gunicorn's gthread workers, so requests render in several threads at once.
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "corporate_parenting.wsgi",
            f"--bind={LOOPBACK}:{port}",
            f"--workers={WORKERS}",
            f"--threads={threads}",
            "--graceful-timeout=5",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_ready(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, _, _ = Browser(port).request("GET", "/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn never answered /healthz")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def collectstatic(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def load_run(url: str, server_threads: int = 1) -> dict[str, Any]:
    prepare_database(url)
    data = build(url)
    from tests.bench.throughput import free_port

    media = tempfile.mkdtemp(prefix="portal-load-media-")
    atexit.register(shutil.rmtree, media, ignore_errors=True)
    env = production_env(url, media)
    collectstatic(env)
    port = free_port()
    tally = Tally()
    with tempfile.TemporaryFile() as log:
        server = gunicorn(env, port, log, server_threads)
        try:
            wait_ready(port)
            began = time.monotonic()
            stop_at = began + SECONDS
            threads = [
                threading.Thread(target=person, args=(port, who, data, tally, stop_at))
                for who in data["people"]
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - began
        finally:
            stop(server)
        log.seek(0)
        server_log = log.read().decode(errors="replace")

    from champions.models import Engagement
    from events.models import SignUp

    pks = [who["pk"] for who in data["people"]]
    stored_engagements = Counter(
        Engagement.objects.filter(member__user_id__in=pks).values_list("member__user_id", flat=True)
    )
    stored_sign_ups = set(
        SignUp.objects.filter(person_id__in=pks).values_list("person_id", "event_id")
    )
    requests = sum(tally.counts.values())
    latencies = sorted(tally.latencies)
    return {
        "users": USERS,
        "gunicorn": f"{WORKERS} workers x {server_threads} thread(s)",
        "seconds": round(elapsed, 1),
        "workers": WORKERS,
        "actions": requests,
        "http_requests": tally.http_requests,
        "actions_by_kind": dict(tally.counts),
        "errors": len(tally.errors),
        "first_errors": tally.errors[:5],
        "median_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)], 1) if latencies else None,
        "engagements_acknowledged": sum(tally.engagements.values()),
        "engagements_stored": sum(stored_engagements.values()),
        "engagements_match": stored_engagements == tally.engagements,
        "sign_ups_acknowledged": len(tally.sign_ups),
        "sign_ups_stored": len(stored_sign_ups),
        "sign_ups_match": stored_sign_ups == tally.sign_ups,
        "server_log_tail": server_log[-1500:],
    }


# --- the fault ----------------------------------------------------------------------------------


SYSTEM_PG_BIN = Path("/usr/lib/postgresql/15/bin")


class ThrowawayPostgres:
    """A PostgreSQL cluster of our own in a temporary folder, on a free loopback port: the
    system's binaries run as the postgres user when we are root (they carry pg_trgm), else the
    pgserver package's. Never the machine's shared server."""

    def __init__(self) -> None:
        from tests.bench.throughput import free_port

        self.folder = Path(tempfile.mkdtemp(prefix="portal-restart-pg-"))
        self.port = free_port()
        self.system = os.geteuid() == 0 and (SYSTEM_PG_BIN / "initdb").exists()
        if self.system:
            bin_dir = SYSTEM_PG_BIN
            subprocess.run(["chown", "postgres", str(self.folder)], check=True)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import pgserver
            bin_dir = Path(pgserver.__file__).parent / "pginstall" / "bin"
        self.pg_ctl = str(bin_dir / "pg_ctl")
        self._run(str(bin_dir / "initdb"), "-D", str(self.folder), "-A", "trust", "-U", "postgres")
        self._run(
            self.pg_ctl, "-D", str(self.folder), "-w", "-l", str(self.folder / "server.log"),
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses={LOOPBACK}", "start",
        )  # fmt: skip
        self.url = f"postgres://postgres@{LOOPBACK}:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.system else []
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL)

    def restart(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.folder), "-w", "-m", "fast", "restart")

    def remove(self) -> None:
        try:
            self._run(self.pg_ctl, "-D", str(self.folder), "-w", "-m", "fast", "stop")
        finally:
            subprocess.run(["rm", "-rf", str(self.folder)], check=False)


def restart_run() -> dict[str, Any]:
    """Ten people keep asking while the throwaway PostgreSQL restarts under gunicorn."""
    from tests.bench.throughput import free_port

    pg = ThrowawayPostgres()
    try:
        return _restart_under_load(pg, free_port())
    finally:
        pg.remove()


def _restart_under_load(pg: ThrowawayPostgres, port: int) -> dict[str, Any]:
    url = pg.url
    media = tempfile.mkdtemp(prefix="portal-restart-media-")
    atexit.register(shutil.rmtree, media, ignore_errors=True)
    env = production_env(url, media)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [sys.executable, "manage.py", "load_demo", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    timeline: list[tuple[float, int]] = []
    lock = threading.Lock()
    with tempfile.TemporaryFile() as log:
        web = gunicorn(env, port, log)
        try:
            wait_ready(port)
            began = time.monotonic()
            stop_at = began + 25

            def ask() -> None:
                browser = Browser(port)
                while time.monotonic() < stop_at:
                    try:
                        status, _, _ = browser.request("GET", "/offer/")
                    except OSError:
                        status = 0
                    with lock:
                        timeline.append((time.monotonic() - began, status))
                    time.sleep(0.05)

            askers = [threading.Thread(target=ask) for _ in range(10)]
            for thread in askers:
                thread.start()
            time.sleep(5)
            restart_began = time.monotonic() - began
            pg.restart()
            accepting = time.monotonic() - began
            for thread in askers:
                thread.join()
        finally:
            stop(web)
    after = sorted(t for t in timeline if t[0] >= restart_began)
    failures = [t for t in after if t[1] != 200]
    last_failure = max((t[0] for t in failures), default=restart_began)
    first_ok_after = min((t[0] for t in after if t[1] == 200 and t[0] > last_failure), default=None)
    return {
        "requests": len(timeline),
        "failed_during_restart": len(failures),
        "failure_statuses": dict(Counter(t[1] for t in failures)),
        "postgres_down_seconds": round(accepting - restart_began, 2),
        "answering_again_after_postgres_up_seconds": (
            round(max(0.0, first_ok_after - accepting), 2) if first_ok_after else None
        ),
        "answering_again_after_restart_began_seconds": (
            round(first_ok_after - restart_began, 2) if first_ok_after else None
        ),
        "failures_after_postgres_up": len([t for t in failures if t[0] > accepting]),
    }


def main() -> None:
    url = os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE_URL)
    results = {
        "load": load_run(url),
        "load_threads": load_run(url, server_threads=THREADS),
        "restart": restart_run(),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    load, threaded, restart = results["load"], results["load_threads"], results["restart"]
    for run in (load, threaded):
        print(json.dumps({k: v for k, v in run.items() if k != "server_log_tail"}, indent=2))
    print(json.dumps(restart, indent=2))
    ok = (
        all(
            run["errors"] == 0 and run["engagements_match"] and run["sign_ups_match"]
            for run in (load, threaded)
        )
        and restart["answering_again_after_postgres_up_seconds"] is not None
        and restart["answering_again_after_postgres_up_seconds"] <= 5
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
