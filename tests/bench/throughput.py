"""Requests per second from gunicorn with two workers, under a load generator on the loopback.

Gunicorn runs the production WSGI stack (DEBUG off) against the benchmark's own test database,
so it sees the data set just built; traffic only ever goes to 127.0.0.1.
"""

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import environ
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.models import User
from tests.bench.pages import p95

LOOPBACK = "127.0.0.1"
WORKERS = 2
CONCURRENCY = 8
MAX_SECONDS = 10.0
MAX_REQUESTS = 20_000
READY_TIMEOUT_SECONDS = 60.0
REQUEST_TIMEOUT_SECONDS = 10.0
SETTINGS_MODULE = "corporate_parenting.settings_test"
MODEL_BACKEND = "corporate_parenting.auth.PortalBackend"


@dataclass
class Load:
    name: str
    url: str
    signed_in: bool
    requests: int
    errors: int
    seconds: float
    requests_per_second: float
    median_ms: float
    p95_ms: float
    first_error: str | None = None
    note: str | None = None


def database_url(settings_dict: dict[str, Any]) -> str:
    """DATABASE_URL for this connection, in a form django-environ reads back exactly.

    The embedded PostgreSQL is reached through a unix socket directory. In the host part of a URL
    django-environ would lower-case that path and leave it percent-encoded, so host and port go
    in the query string instead: django-environ passes them on as OPTIONS, which psycopg uses as
    connection parameters like HOST and PORT.
    """
    auth = quote(settings_dict["USER"] or "", safe="")
    if settings_dict.get("PASSWORD"):
        auth += ":" + quote(settings_dict["PASSWORD"], safe="")
    options = {k: str(v) for k, v in (settings_dict.get("OPTIONS") or {}).items()}
    if settings_dict.get("HOST"):
        options["host"] = settings_dict["HOST"]
    if settings_dict.get("PORT"):
        options["port"] = str(settings_dict["PORT"])
    url = f"postgres://{auth}@/{quote(settings_dict['NAME'], safe='')}"
    if options:
        url += "?" + urlencode(options)

    # Fail here rather than have gunicorn quietly serve another database.
    parsed = environ.Env.db_url_config(url)
    read_back = {k: str(v) for k, v in parsed.get("OPTIONS", {}).items()}
    if (
        parsed["NAME"] != settings_dict["NAME"]
        or parsed["USER"] != (settings_dict["USER"] or "")
        or parsed["PASSWORD"] != (settings_dict.get("PASSWORD") or "")
        or read_back != options
    ):
        raise RuntimeError(f"django-environ reads {url!r} as {parsed!r}, not {settings_dict!r}")
    return url


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def get(port: int, path: str, cookie: str | None = None) -> tuple[int, bytes]:
    # A new connection per request: gunicorn's sync workers close every connection anyway.
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=REQUEST_TIMEOUT_SECONDS)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the master, which stops its workers first; SIGKILL to them all if it hangs."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        # Still alive, so its process group (its own: start_new_session) is still gunicorn's.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def gunicorn(database: str) -> Iterator[int]:
    """Gunicorn serving the portal on a free loopback port; stopped on the way out, error or not."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": database,
        # As deployed: each worker keeps its database connection between requests.
        "CONN_MAX_AGE": "60",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "corporate_parenting.wsgi:application",
        f"--workers={WORKERS}",
        f"--bind={LOOPBACK}:{port}",
        f"--chdir={settings.BASE_DIR}",
        "--graceful-timeout=5",
        "--log-level=warning",
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            cwd=Path(settings.BASE_DIR),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_ready(process, port, log)
            yield port
        finally:
            _stop(process)


def _wait_until_ready(process: subprocess.Popen[bytes], port: int, log: Any) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            status, _ = get(port, reverse("healthz"))
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        break
    log.seek(0)
    output = log.read().decode(errors="replace")[-3000:]
    raise RuntimeError(f"gunicorn did not answer /healthz with 200 on port {port}:\n{output}")


def session_cookie(user: User) -> str:
    """A Cookie header signing gunicorn's requests in as `user`, as a sign-in (with the second
    factor, when they owe one) would."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = MODEL_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # The second factor passed, as django_otp.login() records it, when the person has an app
    # (the page crawl signs every role in with one, so a councillor owes it too).
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def load(name: str, port: int, path: str, cookie: str | None = None) -> Load:
    """CONCURRENCY threads GET path until MAX_REQUESTS are sent or MAX_SECONDS have passed."""
    lock = threading.Lock()
    sent = 0
    errors = 0
    first_error: str | None = None
    latencies: list[float] = []
    started = time.perf_counter()
    deadline = started + MAX_SECONDS

    def worker() -> None:
        nonlocal sent, errors, first_error
        while True:
            with lock:
                if sent >= MAX_REQUESTS or time.perf_counter() >= deadline:
                    return
                sent += 1
            request_started = time.perf_counter()
            problem: str | None = None
            try:
                status, _ = get(port, path, cookie)
                if status != 200:
                    problem = f"HTTP {status}"
            except OSError as error:
                problem = f"{type(error).__name__}: {error}"
            elapsed_ms = (time.perf_counter() - request_started) * 1000
            with lock:
                latencies.append(elapsed_ms)
                if problem:
                    errors += 1
                    first_error = first_error or problem

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return Load(
        name=name,
        url=path,
        signed_in=cookie is not None,
        requests=len(latencies),
        errors=errors,
        seconds=round(seconds, 2),
        requests_per_second=round((len(latencies) - errors) / seconds, 1),
        median_ms=round(statistics.median(latencies), 2) if latencies else 0.0,
        p95_ms=round(p95(latencies), 2) if latencies else 0.0,
        first_error=first_error,
    )


def measure(database: str, councillor: User) -> list[dict[str, Any]]:
    public_path = reverse("offer:index")
    signed_in_path = reverse("home")
    cookie = session_cookie(councillor)
    with gunicorn(database) as port:
        # Prove both requests reach the bench database as intended before timing anything: an
        # ignored session would still answer 200, with the landing page.
        status, _ = get(port, public_path)
        if status != 200:
            raise RuntimeError(f"gunicorn answered {status} for {public_path}")
        status, body = get(port, signed_in_path, cookie)
        if status != 200 or councillor.email.encode() not in body:
            raise RuntimeError("gunicorn did not sign the councillor in with the bench session")

        public = load("public offer", port, public_path)
        signed_in = load("councillor home", port, signed_in_path, cookie)
    return [asdict(public), asdict(signed_in)]
