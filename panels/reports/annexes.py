"""Annex files: a PDF that really is a PDF, within the size limit, with a safe name."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from pypdf import PdfReader
from pypdf.errors import PdfReadError


def check_pdf(file: UploadedFile, *, max_bytes: int) -> int:
    """The number of pages, or a ValidationError saying what is wrong with the file."""
    size = file.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty")
    if size > max_bytes:
        raise ValidationError(f"The file must be smaller than {max_bytes // (1024 * 1024)} MB")
    file.seek(0)
    if file.read(5) != b"%PDF-":
        file.seek(0)
        raise ValidationError("The selected file must be a PDF")
    file.seek(0)
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            raise ValidationError("The PDF is protected by a password: upload one without")
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ValidationError("The selected file is not a PDF that can be opened") from error
    finally:
        file.seek(0)
    if pages == 0:
        raise ValidationError("The PDF has no pages")
    return pages


def safe_name(name: str) -> str:
    """An ASCII file name that keeps the words: 'Plan d’été.pdf' -> 'Plan-dete.pdf'."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem).strip("-.") or "annex"
    return f"{ascii_stem[:80]}.pdf"
