"""A report document attached to an agenda item: within the size limit, and what its name says.

Only the extension used to be checked, so a web page named `.pdf` was kept and later sent to
whoever opened the agenda. A PDF must open as a PDF (panels.reports.annexes.check_pdf); Word,
Excel, PowerPoint and OpenDocument files must be the zip or OLE containers those programs write.
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from panels.reports.annexes import check_pdf

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # Word 97-2003 (.doc)
ZIP_SIGNATURE = b"PK\x03\x04"
# What each zip-based format must hold, and (for OpenDocument) what its mimetype file says.
OOXML_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPE = {"odt": b"application/vnd.oasis.opendocument.text"}
KINDS = "a PDF, Word, OpenDocument, Excel or PowerPoint file"


def report_max_bytes() -> int:
    return int(settings.REPORT_ANNEX_MAX_BYTES)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def check_report_document(file: UploadedFile, *, max_bytes: int | None = None) -> None:
    """Nothing, or a ValidationError saying what is wrong with the file, in words for the field."""
    limit = report_max_bytes() if max_bytes is None else max_bytes
    size = file.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty")
    if size > limit:
        raise ValidationError(f"The file must be smaller than {_megabytes(limit)}")
    extension = (file.name or "").rsplit(".", 1)[-1].lower() if "." in (file.name or "") else ""
    if extension == "pdf":
        check_pdf(file, max_bytes=limit)
        return
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if extension == "doc":
        if head != OLE_SIGNATURE:
            raise ValidationError("The selected file is not a Word document that can be opened")
        return
    if extension in OOXML_PART or extension in ODF_MIMETYPE:
        if not head.startswith(ZIP_SIGNATURE) or not _zip_holds(file, extension):
            raise ValidationError(
                f"The selected file is not a .{extension} file that can be opened: "
                "save it again from the program that made it"
            )
        return
    raise ValidationError(f"The selected file must be {KINDS}")


def _zip_holds(file: UploadedFile, extension: str) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if extension in ODF_MIMETYPE:
                return (
                    "mimetype" in names
                    and archive.read("mimetype").strip() == (ODF_MIMETYPE[extension])
                )
            return "[Content_Types].xml" in names and any(
                name.startswith(OOXML_PART[extension]) for name in names
            )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
        return False
    finally:
        file.seek(0)
