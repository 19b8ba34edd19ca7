"""Annex files: a PDF that really is a PDF, within the size limit, with a safe name, whose every
page can be drawn into the report.

An annex is checked when it is uploaded (check_annex) and opened again, the same way, each time
a report PDF or an agenda pack is made (open_pdf), so what passed the check is what is drawn.
A report on the agenda, which is only ever downloaded, need only open (check_pdf).
"""

from __future__ import annotations

import io
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from pypdf import PdfReader
from pypdf.generic import DecodedStreamObject, NameObject, NullObject
from weasyprint import HTML

from corporate_parenting.pdf import Underlay, write_pdf

# The box the check draws each page into: a whole A4 page, in points.
SCRATCH_BOX = (0.0, 0.0, 595.0, 842.0)
NOT_A_PDF = "The selected file is not a PDF that can be opened"
UNDRAWABLE = "The PDF has a page that cannot be read: save it as a new PDF and upload that"


def open_pdf(data: bytes) -> PdfReader:
    """The PDF, ready to draw, or a ValidationError saying why it cannot be used. A page with no
    content stream (as some programs write a blank page) is given an empty one: it is a blank
    page, not a broken one."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError("The PDF is protected by a password: upload one without")
        pages = list(reader.pages)
        for page in pages:
            contents = page.get("/Contents")
            if contents is None or isinstance(contents.get_object(), NullObject):
                page[NameObject("/Contents")] = DecodedStreamObject()
    except ValidationError:
        raise
    except Exception as error:  # a hostile or damaged file may break the reader anywhere
        raise ValidationError(NOT_A_PDF) from error
    if not pages:
        raise ValidationError("The PDF has no pages")
    return reader


def check_drawable(reader: PdfReader) -> None:
    """Draw every page as the report PDF will, on a scratch page: a ValidationError when one
    cannot be drawn. Used at upload, and to find the annex that stopped a document being made."""
    scratch = HTML(
        string="<html lang='en-GB'><head><title>Annex check</title></head><body></body></html>"
    ).render()
    try:
        write_pdf(scratch, [Underlay(0, page, SCRATCH_BOX) for page in reader.pages])
    except Exception as error:  # whatever the library meets in the file
        raise ValidationError(UNDRAWABLE) from error


def _read(file: UploadedFile, *, max_bytes: int) -> PdfReader:
    size = file.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty")
    if size > max_bytes:
        raise ValidationError(f"The file must be smaller than {max_bytes // (1024 * 1024)} MB")
    file.seek(0)
    try:
        if file.read(5) != b"%PDF-":
            raise ValidationError("The selected file must be a PDF")
        file.seek(0)
        return open_pdf(file.read())
    finally:
        file.seek(0)


def check_pdf(file: UploadedFile, *, max_bytes: int) -> int:
    """The number of pages, or a ValidationError saying what is wrong with the file."""
    return len(_read(file, max_bytes=max_bytes).pages)


def check_annex(file: UploadedFile, *, max_bytes: int) -> int:
    """check_pdf, and every page can be drawn into the report: the number of pages."""
    reader = _read(file, max_bytes=max_bytes)
    check_drawable(reader)
    return len(reader.pages)


def safe_name(name: str) -> str:
    """An ASCII file name that keeps the words: 'Plan d’été.pdf' -> 'Plan-dete.pdf'."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem).strip("-.") or "annex"
    return f"{ascii_stem[:80]}.pdf"
