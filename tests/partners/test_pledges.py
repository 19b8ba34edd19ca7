"""Partners' pledges: written as drafts by the organisation's representatives, made (the act that
shows them to the Board and the public), reported on with evidence, and given one status."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partners.models import PartnerOrganisation, Pledge, PledgeStatus, ProgressUpdate
from tests import factories
from tests.documents import blank_pdf
from tests.helpers import assert_constant_queries
from voice.models import Principle

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _pledge(organisation=None, *, made=True, due=None, **extra):
    organisation = organisation or PartnerOrganisation.objects.get(slug="northfield-nhs")
    return Pledge.objects.create(
        organisation=organisation,
        year=extra.pop("year", TODAY.year),
        what=extra.pop("what", "A named nurse for every care leaver"),
        for_whom="care_leavers",
        how_shown="The number with a named nurse",
        due_on=due or TODAY + datetime.timedelta(days=60),
        principle=Principle.objects.get(letter="a"),
        made_at=timezone.now() if made else None,
        **extra,
    )


def _status(pledge, today=TODAY):
    return getattr(Pledge.objects.with_status(today).get(pk=pledge.pk), "status")  # noqa: B009


def test_one_rule_gives_each_status(partner_rep):
    draft = _pledge(made=False)
    on_track = _pledge()
    late = _pledge(due=TODAY - datetime.timedelta(days=1))
    done = _pledge(due=TODAY - datetime.timedelta(days=1), done_on=TODAY)
    said_at_risk = _pledge()
    ProgressUpdate.objects.create(
        pledge=said_at_risk, reported_on=TODAY, summary="Behind", at_risk=True
    )
    quiet = _pledge()
    ProgressUpdate.objects.create(
        pledge=quiet, reported_on=TODAY - datetime.timedelta(days=100), summary="Started"
    )
    assert _status(draft) == PledgeStatus.DRAFT
    assert _status(on_track) == PledgeStatus.ON_TRACK
    assert _status(late) == PledgeStatus.LATE
    assert _status(done) == PledgeStatus.DONE
    assert _status(said_at_risk) == PledgeStatus.AT_RISK
    assert _status(quiet) == PledgeStatus.AT_RISK
    # Reporting again puts it back on track; made long ago with nothing reported, it is at risk.
    ProgressUpdate.objects.create(pledge=quiet, reported_on=TODAY, summary="Going well")
    assert _status(quiet) == PledgeStatus.ON_TRACK
    assert _status(on_track, TODAY + datetime.timedelta(days=61)) == PledgeStatus.LATE
    long_ago = _pledge(due=TODAY + datetime.timedelta(days=200))
    Pledge.objects.filter(pk=long_ago.pk).update(
        made_at=timezone.now() - datetime.timedelta(days=93)
    )
    assert _status(long_ago) == PledgeStatus.AT_RISK


def _form(**overrides):
    principle = Principle.objects.get(letter="b")
    data = {
        "year": str(TODAY.year if TODAY.month >= 5 else TODAY.year - 1),
        "what": "Free prescriptions for care leavers up to 25",
        "for_whom": "care_leavers",
        "age_from": "18",
        "age_to": "25",
        "how_shown": "Exemption certificates issued each quarter",
        "due_on": (TODAY + datetime.timedelta(days=90)).isoformat(),
        "principle": str(principle.pk),
    }
    return data | overrides


def test_a_representative_drafts_makes_and_reports_on_a_pledge(
    client_for, partner_rep, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    partner = client_for("partner")
    create = reverse("partners:pledge_create", args=["northfield-nhs"])
    # Bad input: each error on its field, and what was typed is kept.
    response = partner.post(
        create, _form(age_from="20", age_to="16", due_on="2001-01-01", principle="")
    )
    errors = response.context["form"].errors
    assert errors["principle"] == ["Choose the principle the pledge serves"]
    assert "Free prescriptions for care leavers" in response.content.decode()
    response = partner.post(create, _form(age_from="20", age_to="16", due_on="2001-01-01"))
    errors = response.context["form"].errors
    assert errors["age_to"] == ["The upper age must be the same as or more than the lower age"]
    assert "when the year starts" in errors["due_on"][0]
    response = partner.post(create, _form())
    pledge = Pledge.objects.get()
    assert response.url == pledge.get_absolute_url() and not pledge.is_made

    # A draft is the organisation's and the staff's only.
    councillor = client_for("councillor")
    assert councillor.get(pledge.get_absolute_url()).status_code == 404
    assert client_for("officer").get(pledge.get_absolute_url()).status_code == 200
    other = factories.partner_rep(
        organisation=PartnerOrganisation.objects.create(
            name="Eastbrook College", slug="eastbrook", kind="education"
        )
    )
    from django.test import Client

    from tests.second_factor import sign_in_verified

    other_client = sign_in_verified(Client(), other)
    assert other_client.get(pledge.get_absolute_url()).status_code == 404
    assert other_client.post(reverse("partners:pledge_make", args=[pledge.pk])).status_code == 404

    partner.post(reverse("partners:pledge_make", args=[pledge.pk]))
    pledge.refresh_from_db()
    assert pledge.is_made and pledge.made_by == partner_rep
    assert councillor.get(pledge.get_absolute_url()).status_code == 200
    # The other organisation reads it once made, but cannot write to it.
    assert other_client.get(pledge.get_absolute_url()).status_code == 200
    response = other_client.post(
        reverse("partners:progress_report", args=[pledge.pk]), {"summary": "x"}
    )
    assert response.status_code == 403

    progress = reverse("partners:progress_report", args=[pledge.pk])
    response = partner.post(
        progress,
        {
            "summary": "38 care leavers registered",
            "file": SimpleUploadedFile("notes.txt", b"hello"),
        },
    )
    assert response.context["form"].errors["file"] == ["The selected file must be a PDF"]
    assert "38 care leavers registered" in response.content.decode()
    response = partner.post(
        progress,
        {
            "summary": "38 care leavers registered",
            "figure": "38 registered",
            "link": "https://www.example.nhs.uk/report",
            "file": SimpleUploadedFile(
                "Quarter 1 return.pdf", blank_pdf(), content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    update = pledge.updates.get()
    assert update.file_name == "Quarter-1-return.pdf" and update.figure == "38 registered"
    evidence = reverse("partners:evidence", args=[update.pk])
    download = councillor.get(evidence)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert other_client.get(evidence).status_code == 403
    from django.test import Client as Anonymous

    assert Anonymous().get(evidence).status_code == 403
    page = councillor.get(pledge.get_absolute_url()).content.decode()
    assert "38 registered" in page and "On track" in page

    partner.post(reverse("partners:pledge_done", args=[pledge.pk]))
    assert _status(pledge) == PledgeStatus.DONE


def test_the_board_sees_every_made_pledge_with_its_status_filtered_and_as_csv(
    client_for, partner_rep
):
    _pledge(what="A late one", due=TODAY - datetime.timedelta(days=3))
    _pledge(what="An on track one")
    _pledge(what="A draft one", made=False)
    councillor = client_for("councillor")
    url = reverse("partners:pledge_list")
    page = councillor.get(url).content.decode()
    assert "A late one" in page and "An on track one" in page and "A draft one" not in page
    late = councillor.get(url + "?status=late").content.decode()
    assert "A late one" in late and "An on track one" not in late
    csv = councillor.get(url + "?status=late&export=csv").content.decode()
    assert "A late one" in csv and ",Late" in csv
    assert councillor.get(url + "?status=%00" + "x" * 10_000).status_code == 200


def test_the_board_list_makes_the_same_queries_however_many_pledges(client_for, partner_rep):
    _pledge()

    def grow():
        for n in range(8):
            pledge = _pledge(what=f"Pledge {n}", due=TODAY - datetime.timedelta(days=n % 2))
            ProgressUpdate.objects.create(pledge=pledge, reported_on=TODAY, summary="Going")

    assert_constant_queries(client_for("councillor"), reverse("partners:pledge_list"), grow)


def test_a_made_pledge_of_an_organisation_with_two_representatives_opens_once(
    client_for, partner_rep
):
    trust = PartnerOrganisation.objects.get(slug="northfield-nhs")
    factories.partner_rep(organisation=trust, email="second@example.org")
    pledge = _pledge(year=TODAY.year - 3)
    partner = client_for("partner")
    assert partner.get(pledge.get_absolute_url()).status_code == 200
    assert Pledge.objects.visible_to(partner_rep).filter(pk=pledge.pk).count() == 1
    # Changing a pledge of an earlier year keeps its year on offer.
    form = partner.get(reverse("partners:pledge_edit", args=[pledge.pk])).content.decode()
    assert f'value="{TODAY.year - 3}" selected' in form
