"""Small real documents for upload tests: each opens in the program its name says."""

import io
import zipfile

from pypdf import PdfWriter


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def office_zip(extension: str) -> bytes:
    """The container of a .docx, .xlsx, .pptx or .odt, with the parts the check looks for."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if extension == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            folder = {"docx": "word", "xlsx": "xl", "pptx": "ppt"}[extension]
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(f"{folder}/document.xml", "<document/>")
    return buffer.getvalue()


OLE_DOC = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
