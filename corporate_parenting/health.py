"""/healthz: is the database answering, and the task broker?"""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from kombu import Connection


def broker_state() -> str:
    """'in-process' when tasks run in the web process, else 'ok' or 'unavailable'."""
    if not settings.CELERY_BROKER_URL:
        return "in-process"
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=1) as conn:
            conn.ensure_connection(max_retries=1, timeout=1)
    except Exception:  # any failure to reach the broker means it is not usable
        return "unavailable"
    return "ok"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to query means the database is not usable
        return "unavailable"
    return "ok"


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_state()
    broker = broker_state()
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {
            "status": "ok" if status == 200 else "unavailable",
            "database": database,
            "broker": broker,
        },
        status=status,
    )
