"""The annual report's forms as people use them: the admin's choice of sections and year, an
officer starting and writing a report, hostile input refused on its field with nothing lost."""

import pytest
from django.urls import reverse

from annual.models import AnnualReport, AnnualSettings
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


def test_the_admin_orders_the_sections_and_a_clash_is_refused(client_for):
    client = client_for("admin")
    url = reverse("annual:settings")
    clash = client.post(url, {"year_start": "april", "place_panel": "1", "place_voice": "1"})
    assert "Place 1 is taken" in clash.content.decode()
    saved = client.post(url, {"year_start": "municipal", "place_voice": "1", "place_panel": "2"})
    assert saved.status_code == 302
    settings = AnnualSettings.load()
    assert (settings.year_start, settings.sections) == ("municipal", ["voice", "panel"])


def test_an_officer_starts_and_writes_a_report_and_hostile_text_is_refused(client_for, builders):
    client = client_for("officer")
    body = BodyFactory(name="Corporate Parenting Panel")
    started = client.post(reverse("annual:start"), {"body": body.pk, "start_year": "2025"})
    report = AnnualReport.objects.get(body=body)
    assert started.url == report.get_absolute_url()
    again = client.post(reverse("annual:start"), {"body": body.pk, "start_year": "2025"})
    assert "already has an annual report" in again.content.decode()

    url = reverse("annual:write", args=[report.pk])
    form = {
        "title": "Annual report\r\nwith a line break",
        "chair_foreword": "Fine words\x00",
        "council_foreword": "x" * 60_000,
        "achievements": "We are proud",
        "young_text": "",
        "priorities-TOTAL_FORMS": "1",
        "priorities-INITIAL_FORMS": "0",
        "priorities-0-text": "p" * 10_000,
        "priorities-0-objective": "\x00",
    }
    page = client.post(url, form).content.decode()
    assert page.count("govuk-error-message") >= 4
    assert "We are proud" in page  # nothing typed is lost
    form |= {
        "title": "Our year",
        "chair_foreword": "Fine words",
        "council_foreword": "",
        "priorities-0-text": "More homes near school",
        "priorities-0-objective": "",
    }
    assert client.post(url, form).status_code == 302
    report.refresh_from_db()
    assert report.title == "Our year" and report.version > 1
    assert [p.text for p in report.priorities.all()] == ["More homes near school"]


def test_the_versions_page_shows_each_write_with_what_changed_and_who(
    client_for, user_for_role, django_assert_max_num_queries
):
    client = client_for("officer")
    body = BodyFactory(name="Corporate Parenting Panel")
    client.post(reverse("annual:start"), {"body": body.pk, "start_year": "2025"})
    report = AnnualReport.objects.get(body=body)
    url = reverse("annual:write", args=[report.pk])
    form = {
        "title": report.title,
        "chair_foreword": "A year of listening",
        "council_foreword": "",
        "achievements": "",
        "young_text": "",
        "priorities-TOTAL_FORMS": "1",
        "priorities-INITIAL_FORMS": "0",
        "priorities-0-text": "More homes near school",
        "priorities-0-objective": "",
    }
    assert client.post(url, form).status_code == 302
    form |= {"chair_foreword": "A year of listening and doing"}
    assert client.post(url, form).status_code == 302

    page = client.get(reverse("annual:history", args=[report.pk])).content.decode()
    assert page.index("removed:</span> A year of listening<") < page.index("Version 1: started")
    assert "added:</span> A year of listening and doing" in page
    assert "added:</span> 1. More homes near school" in page
    assert f"by {user_for_role['officer'].full_name}" in page
    detail = client.get(report.get_absolute_url()).content.decode()
    assert reverse("annual:history", args=[report.pk]) in detail

    # The same few queries however many versions there are.
    for n in range(5):
        assert client.post(url, form | {"achievements": f"Proud {n}"}).status_code == 302
    with django_assert_max_num_queries(12):
        assert client.get(reverse("annual:history", args=[report.pk])).status_code == 200


def test_a_year_outside_the_list_is_refused_on_its_field_keeping_the_body(client_for):
    client = client_for("officer")
    body = BodyFactory(name="Corporate Parenting Board")
    for year in ("1", "9999", "-1", "2025\x00", "2025\r\n", "9" * 10_000, ""):
        page = client.post(reverse("annual:start"), {"body": body.pk, "start_year": year})
        assert page.status_code == 200, repr(year[:20])
        text = page.content.decode()
        assert "Choose a year from the list" in text or "Choose the year" in text
        assert f'value="{body.pk}" selected' in text  # the body chosen is kept
    assert not AnnualReport.objects.exists()
