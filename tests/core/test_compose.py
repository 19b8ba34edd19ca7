"""docker-compose.yml is for deployment; there is no engine here, so it is checked by parsing."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_five_services_with_healthchecks():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis"}
    for name in ("web", "postgres", "redis"):
        assert "healthcheck" in services[name], name


def test_compose_commands_exist_in_the_project():
    services = compose()["services"]
    assert "gunicorn corporate_parenting.wsgi" in " ".join(services["web"]["command"])
    assert "worker" in services["worker"]["command"]
    assert "beat" in services["beat"]["command"]
    assert (ROOT / "corporate_parenting" / "wsgi.py").exists()
    assert (ROOT / "corporate_parenting" / "celery.py").exists()
    build = services["web"]["build"]
    assert (ROOT / build["context"] / build["dockerfile"]).exists()


def test_compose_keeps_data_in_volumes_and_waits_for_healthy_services():
    data = compose()
    assert {"postgres-data", "media"} <= set(data["volumes"])
    web = data["services"]["web"]
    assert web["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert web["environment"]["DJANGO_ENV"] == "production"
