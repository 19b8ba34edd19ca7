import json
from unittest import mock

import pytest
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthz_reports_database_and_in_process_tasks(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "database": "ok",
        "broker": "in-process",
    }


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_does_not_answer(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"


@pytest.mark.django_db
def test_healthz_reports_a_broker_that_does_not_answer(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content)["broker"] == "unavailable"


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_reports_a_real_redis_broker(client, settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    assert json.loads(client.get("/healthz").content)["broker"] == "ok"


@pytest.mark.redis
def test_a_task_round_trips_through_the_real_broker(redis_url):
    """A message sent to the Redis broker comes back off the queue intact."""
    from kombu import Connection

    with Connection(redis_url) as conn:
        queue = conn.SimpleQueue("portal-test-round-trip")
        queue.clear()
        queue.put({"task": "ping", "id": 7})
        message = queue.get(timeout=2)
        assert message.payload == {"task": "ping", "id": 7}
        message.ack()
        queue.close()
