"""Uploaded papers and built packs kept in an S3-compatible object store, as a council with more
than one web and worker container keeps them: against a real S3 server in its own process (moto
in server mode), never a mock object. An upload lands in the bucket and streams back; the pack
merges an annex read from the bucket; a backup of the bucket restores into it."""

import datetime
import io
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from corporate_parenting.backups import MEDIA_FILE, backup_make, media_restore
from corporate_parenting.object_storage import ObjectStorage, StreamedObject
from panels import services as panel_services
from panels.reports.models import PackBuild
from panels.reports.pack import pack_request
from panels.services import reports as report_services
from panels.tasks import build_pack_task
from tests import factories
from tests.bench.pack import annex_pdf, build_pack_meeting
from tests.panels.factories import BodyFactory

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

CREDENTIALS = {"aws_access_key_id": "portal-test", "aws_secret_access_key": "portal-test-secret"}
REGION = "eu-west-2"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server, in a process of its own on a free port, for the whole run."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.1)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A new bucket on the server, made the portal's file storage for one test; a client of
    its own to look inside it, as another container would."""
    name = f"portal-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, **CREDENTIALS)
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "corporate_parenting.object_storage.ObjectStorage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "addressing_style": "path",
                "signature_version": "s3v4",
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    return Bucket(name, client)


@dataclass
class Bucket:
    name: str
    client: Any

    def stored(self) -> dict[str, bytes]:
        """Every file in the bucket, read straight from the server."""
        listed = self.client.list_objects_v2(Bucket=self.name).get("Contents", [])
        return {
            item["Key"]: self.client.get_object(Bucket=self.name, Key=item["Key"])["Body"].read()
            for item in listed
        }


def test_an_annex_uploaded_is_kept_in_the_bucket_and_streams_back(bucket, client_for, officer):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    meeting = panel_services.meeting_create(
        actor=None, body=body, date=datetime.date(2030, 6, 11), start_time=datetime.time(18, 30)
    )
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Staying put")
    report = report_services.report_create(
        actor=officer, item=item, title="Staying put", author=officer, sponsor=factories.officer()
    )
    data = annex_pdf("Staying put figures", 1)
    page = client_for("officer").post(
        reverse("panels:annex_add", args=[report.pk]),
        {"title": "Figures", "file": ContentFile(data, name="figures.pdf")},
    )
    assert page.status_code == 302
    annex = report.annexes.get()
    assert isinstance(default_storage, ObjectStorage)
    assert bucket.stored()[annex.file.name] == data  # in the bucket, not on this disk

    response = client_for("officer").get(reverse("panels:annex_download", args=[annex.pk]))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Length"] == str(len(data))
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == data
    # Read from the server in pieces as it is sent, never copied whole into memory first.
    with default_storage.open(annex.file.name) as opened:
        assert isinstance(opened, StreamedObject)
        assert opened.read(4) == b"%PDF"
    for _ in range(2):  # opened again, it is asked for again: a stream cannot seek back
        with annex.file.open("rb") as handle:
            assert handle.read() == data


def test_the_pack_merges_an_annex_from_the_bucket_and_is_kept_there(
    bucket, client_for, django_capture_on_commit_callbacks
):
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    annex = meeting.items.exclude(written_report=None).get().written_report.annexes.get()
    assert annex.file.name in bucket.stored()

    with django_capture_on_commit_callbacks(execute=False):
        build = pack_request(meeting=meeting, edition="public", actor=None)
    build_pack_task(build.pk)
    build = PackBuild.objects.get(pk=build.pk)
    assert build.status == "ready"
    assert build.file.name in bucket.stored()

    response = client_for("anonymous").get(
        reverse("panels:pack_download", args=[meeting.pk, "public"])
    )
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content)
    assert response["Content-Length"] == str(len(pdf))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Care leavers report 1" in text
    assert "Annex of report 1" in text  # the annex's own page, merged from the bucket
    assert "Care leavers report 1: Annex A" in text


def test_a_backup_of_the_bucket_restores_every_file_into_it(bucket, tmp_path):
    files = {
        "reports/annexes/figures.pdf": annex_pdf("Figures", 1),
        "branding/logo-0123.png": b"\x89PNG logo",
        "packs/pack-public.pdf": b"%PDF-1.7 pack",
    }
    for name, data in files.items():
        assert default_storage.save(name, ContentFile(data)) == name

    folder = backup_make(into=tmp_path)
    assert (folder / "database.dump").stat().st_size > 0

    for name in files:
        default_storage.delete(name)
    default_storage.save("packs/pack-public.pdf", ContentFile(b"made after the backup"))
    assert media_restore(archive=folder / MEDIA_FILE) == len(files)
    assert bucket.stored() == files
