"""How a report uploaded as a file on an agenda item (AgendaItem.report_file) goes into a pack.

paper_in_pack() decides, in one place:

- a PDF is merged: one placeholder page per page of it, each drawn under its placeholder as the
  pack is written (the annexes' mechanism, panels.reports.pdf), so it has the pack's page
  numbers, running header and a bookmark;
- a Word or OpenDocument text (.docx, .doc, .odt) is turned into a PDF by LibreOffice, headless,
  on the worker that builds the pack, and merged the same way. The PDF is kept by the file's
  sha256 (CONVERTED_DIR in the media storage), so each file is converted once, whichever pack
  or supplement asks;
- anything else (a spreadsheet, a presentation), a file LibreOffice could not convert, or no
  LibreOffice on the machine: one page saying the paper is published separately, with its link.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from corporate_parenting.reminders.links import absolute
from panels.models import AgendaItem
from panels.reports.annexes import open_pdf

logger = logging.getLogger(__name__)

CONVERTIBLE = frozenset({"docx", "doc", "odt"})
CONVERTED_DIR = "panels/converted"
# Seconds LibreOffice may take over a batch of files before it is stopped.
CONVERT_TIMEOUT = 120
KIND_NAMES = {
    "xlsx": "an Excel spreadsheet",
    "pptx": "a PowerPoint presentation",
    "docx": "a Word document",
    "doc": "a Word document",
    "odt": "an OpenDocument text",
    "pdf": "a PDF",
}


def extension_of(item: AgendaItem) -> str:
    name = item.report_file.name or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""


@dataclass
class Paper:
    """An uploaded report in the pack: merged (pdf set, one anchor per page) or, when pdf is
    None, a page saying it is published separately at url."""

    item: AgendaItem
    anchor: str
    url: str
    kind_name: str
    pdf: PdfReader | None = None
    anchors: list[str] = field(default_factory=list)

    @property
    def is_merged(self) -> bool:
        return self.pdf is not None and bool(self.anchors)

    @property
    def page_count(self) -> int:
        return len(self.anchors) if self.is_merged else 1

    @property
    def name(self) -> str:
        return f"The report file of agenda item {self.item.pk}"

    def leave_out(self) -> None:
        """Print it as published separately, with no pages of its own."""
        self.pdf = None
        self.anchors = []


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _converted_name(sha256: str) -> str:
    return f"{CONVERTED_DIR}/{sha256}.pdf"


def _failed_name(sha256: str) -> str:
    return f"{CONVERTED_DIR}/{sha256}.failed"


def convert_to_pdf(files: Iterable[tuple[str, bytes, str]]) -> dict[str, bytes]:
    """Word and OpenDocument files as PDFs, by sha256: (sha256, data, extension) in. A file
    converted before is read from storage; the others go to LibreOffice in one run, in a
    temporary directory with a profile of its own, within CONVERT_TIMEOUT. A file it could not
    convert is missing from the answer (and remembered, so it is not tried again)."""
    done: dict[str, bytes] = {}
    todo: dict[str, tuple[bytes, str]] = {}
    for sha256, data, extension in files:
        if sha256 in done or sha256 in todo:
            continue
        if default_storage.exists(_converted_name(sha256)):
            with default_storage.open(_converted_name(sha256), "rb") as handle:
                done[sha256] = handle.read()
        elif not default_storage.exists(_failed_name(sha256)):
            todo[sha256] = (data, extension)
    program = soffice()
    if not todo or program is None:
        return done
    with tempfile.TemporaryDirectory(prefix="pack-convert-") as folder:
        work = Path(folder)
        sources = []
        for sha256, (data, extension) in todo.items():
            source = work / f"{sha256}.{extension}"
            source.write_bytes(data)
            sources.append(str(source))
        out = work / "out"
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *sources,
        ]
        try:
            run_libreoffice(command, cwd=folder)
        except subprocess.TimeoutExpired:
            logger.exception("LibreOffice took too long over %s report files", len(todo))
            if len(todo) == 1:  # that file is to blame: never tried again
                default_storage.save(_failed_name(next(iter(todo))), ContentFile(b""))
            return done
        except (OSError, subprocess.SubprocessError):
            logger.exception("LibreOffice could not convert %s report files", len(todo))
            return done  # not remembered as failed: the machine, not the file, may be at fault
        for sha256 in todo:
            result = out / f"{sha256}.pdf"
            data = result.read_bytes() if result.exists() else b""
            if data.startswith(b"%PDF-"):
                default_storage.save(_converted_name(sha256), ContentFile(data))
                done[sha256] = data
            else:
                logger.error("LibreOffice did not convert report file %s", sha256)
                default_storage.save(_failed_name(sha256), ContentFile(b""))
    return done


def run_libreoffice(command: list[str], *, cwd: str) -> None:
    """Run LibreOffice within CONVERT_TIMEOUT. It starts helper processes of its own: on a
    timeout the whole process group is stopped, so none is left running."""
    process = subprocess.Popen(  # noqa: S603 - a fixed program, our own temporary file names
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=CONVERT_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise


def _read(item: AgendaItem) -> bytes | None:
    try:
        with item.report_file.open("rb") as handle:
            return handle.read()
    except OSError:
        logger.exception("The report file of agenda item %s is not readable", item.pk)
        return None


def papers_in_pack(items: Iterable[AgendaItem]) -> dict[int, Paper]:
    """How each item's uploaded report goes into the pack, by item id (see the module's doc).
    The one function that decides it; Word and OpenDocument files are converted together."""
    papers: dict[int, Paper] = {}
    pdfs: dict[int, bytes] = {}
    to_convert: dict[int, tuple[str, bytes, str]] = {}
    for item in items:
        if not item.report_file:
            continue
        extension = extension_of(item)
        anchor = f"paper-{item.pk}"
        papers[item.pk] = Paper(
            item=item,
            anchor=anchor,
            url=absolute(reverse("panels:report_download", args=[item.pk])),
            kind_name=KIND_NAMES.get(extension, "a file"),
        )
        if extension != "pdf" and extension not in CONVERTIBLE:
            continue
        data = _read(item)
        if data is None:
            continue
        if extension == "pdf":
            pdfs[item.pk] = data
        else:
            to_convert[item.pk] = (hashlib.sha256(data).hexdigest(), data, extension)
    converted = convert_to_pdf(to_convert.values())
    for pk, (sha256, _data, _extension) in to_convert.items():
        if sha256 in converted:
            pdfs[pk] = converted[sha256]
    for pk, data in pdfs.items():
        paper = papers[pk]
        try:
            paper.pdf = open_pdf(data)
        except ValidationError:
            logger.exception("The report file of agenda item %s is not a readable PDF", pk)
            continue
        paper.anchors = [f"{paper.anchor}-page-{n}" for n in range(1, len(paper.pdf.pages) + 1)]
    return papers


def report_file_convert(*, item_id: int) -> None:
    """Convert an uploaded Word or OpenDocument report to PDF as soon as it is uploaded (on the
    worker), kept by its sha256, so that making a pack finds it done. Safe to run twice: a file
    converted before is not converted again."""
    item = AgendaItem.objects.filter(pk=item_id).exclude(report_file="").first()
    if item is None or extension_of(item) not in CONVERTIBLE:
        return
    data = _read(item)
    if data is not None:
        convert_to_pdf([(hashlib.sha256(data).hexdigest(), data, extension_of(item))])


def convert_when_uploaded(item: AgendaItem) -> None:
    """Queue report_file_convert after the upload commits, for a file LibreOffice converts."""
    if not item.report_file or extension_of(item) not in CONVERTIBLE:
        return
    from panels.tasks import convert_report_file_task

    item_id = item.pk
    transaction.on_commit(lambda: convert_report_file_task.delay(item_id))
