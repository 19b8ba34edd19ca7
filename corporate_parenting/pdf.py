"""PDF documents with WeasyPrint, from templates under templates/pdf/.

Every PDF the portal makes goes through here, so every one is tagged (PDF/UA-1: a structure tree,
the document's language and its title shown in the viewer's title bar) and reads the same print
stylesheet. Static files are read from disk; nothing is ever fetched over the network.
"""

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from pypdf import PageObject, Transformation
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from weasyprint import HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from corporate_parenting.models import SiteSettings

# Tagged PDF for assistive technology: WeasyPrint writes the structure tree, /MarkInfo, /Lang
# (from <html lang>) and the title (from <title>) and marks running headers as artifacts.
PDF_VARIANT = "pdf/ua-1"


class StaticFilesFetcher(URLFetcher):
    """Serves /static/... from the static files finders, and data: URLs; refuses anything else."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        prefix = f"file://{settings.STATIC_URL}"
        if url.startswith(prefix):
            found = finders.find(url.removeprefix(prefix).split("?")[0])
            if found:
                path = Path(str(found))
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"PDF documents may only use the portal's own static files, not {url}")


def render_document(template: str, context: dict[str, object]) -> Document:
    """The laid-out pages, for callers that need to know what landed on which page before the
    PDF is written (the agenda pack places annexes by it); write it with write_pdf()."""
    html = render_to_string(template, {"branding": SiteSettings.load(), **context})
    return HTML(string=html, base_url="file:///", url_fetcher=StaticFilesFetcher()).render()


@dataclass(frozen=True)
class Underlay:
    """A page of another PDF to draw under one page of the document (an annex under its
    placeholder page), scaled to fit the box (x, y, width, height in points from the bottom left)
    and never enlarged."""

    page_index: int
    source: PageObject
    box: tuple[float, float, float, float]


def write_pdf(
    document: Document, underlays: Sequence[Underlay] = (), *, bookmark_order: Sequence[str] = ()
) -> bytes:
    """The tagged PDF. Underlays are drawn as WeasyPrint writes it, so its structure tree,
    bookmarks, links and page numbers are untouched and the PDF is written once.

    bookmark_order: labels of top-level bookmarks in the order the reader's panel lists them
    (an agenda pack's items in agenda order, wherever each one's bookmark points); top-level
    bookmarks not named keep their place before those named."""
    if bookmark_order:
        _order_bookmarks(document, bookmark_order)
    finisher = _UnderlayFinisher(underlays) if underlays else None
    return document.write_pdf(pdf_variant=PDF_VARIANT, finisher=finisher)


def _order_bookmarks(document: Document, labels: Sequence[str]) -> None:
    rank = {label: n for n, label in enumerate(labels)}
    tree = document.make_bookmark_tree

    def ordered(*args: object, **kwargs: object) -> list:
        entries = tree(*args, **kwargs)
        # A stable sort: what is not named keeps its place, ahead of what is.
        return sorted(entries, key=lambda entry: rank.get(entry[0], -1))

    # WeasyPrint asks the document for its bookmark tree as it writes the outline.
    document.make_bookmark_tree = ordered


def render_pdf(template: str, context: dict[str, object]) -> bytes:
    return write_pdf(render_document(template, context))


def pdf_bytes_response(pdf: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename) or "inline"
    # Made for this person at this moment (members' copies hold private business): keep no copy.
    response["Cache-Control"] = "private, no-store"
    return response


def pdf_response(template: str, context: dict[str, object], *, filename: str) -> HttpResponse:
    return pdf_bytes_response(render_pdf(template, context), filename=filename)


# ---------------------------------------------------------------- underlays


def _placement(page: PageObject, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    """The matrix that turns the page upright (its /Rotate), scales it into the box and centres
    it there."""
    crop = page.cropbox
    width, height = float(crop.width), float(crop.height)
    rotation = page.rotation % 360
    upright = {
        0: (1, 0, 0, 1, 0, 0),
        90: (0, -1, 1, 0, 0, width),
        180: (-1, 0, 0, -1, width, height),
        270: (0, 1, -1, 0, height, 0),
    }.get(rotation, (1, 0, 0, 1, 0, 0))
    if rotation in (90, 270):
        width, height = height, width
    x, y, box_width, box_height = box
    scale = min(box_width / width, box_height / height, 1.0)
    left = x + (box_width - width * scale) / 2
    bottom = y + (box_height - height * scale) / 2
    return (
        Transformation()
        .translate(-float(crop.left), -float(crop.bottom))
        .transform(Transformation(upright))
        .scale(scale)
        .translate(left, bottom)
        .ctm
    )


class _Importer:
    """Copies objects of a PDF read by pypdf into the pydyf PDF that WeasyPrint is writing."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self.pdf = pdf
        self.copied: dict[tuple[int, int, int], bytes] = {}

    def value(self, obj: object) -> object:
        if isinstance(obj, IndirectObject):
            key = (id(obj.pdf), obj.idnum, obj.generation)
            if key not in self.copied:
                self._indirect(obj.get_object(), key)
            return self.copied[key]
        if isinstance(obj, StreamObject):
            stream = pydyf.Stream()
            self.pdf.add_object(stream)
            self._fill_stream(stream, obj)
            return stream.reference
        if isinstance(obj, DictionaryObject):
            return pydyf.Dictionary({self._key(k): self.value(v) for k, v in obj.items()})
        if isinstance(obj, ArrayObject):
            return pydyf.Array([self.value(v) for v in obj])
        if isinstance(obj, NameObject):
            return pydyf.name(obj[1:])
        if isinstance(obj, BooleanObject):
            return b"true" if obj else b"false"
        if isinstance(obj, NullObject) or obj is None:
            return b"null"
        if isinstance(obj, TextStringObject):
            return b"<" + obj.original_bytes.hex().encode() + b">"
        if isinstance(obj, ByteStringObject):
            return b"<" + bytes(obj).hex().encode() + b">"
        if isinstance(obj, FloatObject):
            return float(obj)
        if isinstance(obj, NumberObject):
            return int(obj)
        raise TypeError(f"Cannot copy a {type(obj).__name__} into the PDF")

    @staticmethod
    def _key(key: str) -> str:
        return pydyf.name(key[1:]).decode("ascii")[1:]

    def _indirect(self, obj: object, key: tuple[int, int, int]) -> None:
        # Numbered before its contents are copied, so objects that refer back to it resolve.
        if isinstance(obj, StreamObject):
            stream = pydyf.Stream()
            self.pdf.add_object(stream)
            self.copied[key] = stream.reference
            self._fill_stream(stream, obj)
        elif isinstance(obj, DictionaryObject):
            dictionary = pydyf.Dictionary()
            self.pdf.add_object(dictionary)
            self.copied[key] = dictionary.reference
            dictionary.update({self._key(k): self.value(v) for k, v in obj.items()})
        elif isinstance(obj, ArrayObject):
            array = pydyf.Array()
            self.pdf.add_object(array)
            self.copied[key] = array.reference
            array.extend(self.value(v) for v in obj)
        else:
            self.copied[key] = self.value(obj)  # type: ignore[assignment]  # a plain value may be a number, not bytes

    def _fill_stream(self, stream: pydyf.Stream, obj: StreamObject) -> None:
        if isinstance(obj, EncodedStreamObject):
            # The bytes as stored, still encoded by the stream's own /Filter.
            data, skip = obj._data, {"/Length"}
        else:
            data, skip = obj.get_data(), {"/Length", "/Filter", "/DecodeParms"}
        stream.stream = [data]
        stream.extra = {self._key(k): self.value(v) for k, v in obj.items() if k not in skip}

    def form(self, page: PageObject) -> pydyf.Stream:
        """The page as a form XObject."""
        contents = page.get("/Contents")
        parts = contents.get_object() if contents is not None else []
        if not isinstance(parts, ArrayObject):
            parts = [parts]
        data = b"\n".join(part.get_object().get_data() for part in parts)
        crop = page.cropbox
        extra = {
            "Type": "/XObject",
            "Subtype": "/Form",
            "BBox": pydyf.Array([float(v) for v in (crop.left, crop.bottom, crop.right, crop.top)]),
        }
        if "/Resources" in page:
            extra["Resources"] = self.value(page["/Resources"])
        form = pydyf.Stream([data], extra, compress=True)
        self.pdf.add_object(form)
        return form


class _UnderlayFinisher:
    def __init__(self, underlays: Sequence[Underlay]) -> None:
        self.underlays = underlays

    def __call__(self, document: Document, pdf: pydyf.PDF) -> None:
        importer = _Importer(pdf)
        page_numbers = pdf.pages["Kids"][::3]
        for index, underlay in enumerate(self.underlays):
            page = pdf.objects[page_numbers[underlay.page_index]]
            form = importer.form(underlay.source)
            name = f"PortalUnderlay{index}"
            resources = pdf.objects[int(page["Resources"].split()[0])]
            xobjects = resources.setdefault("XObject", pydyf.Dictionary())
            if isinstance(xobjects, bytes):
                xobjects = pdf.objects[int(xobjects.split()[0])]
            xobjects[name] = form.reference
            matrix = " ".join(f"{v:.5f}" for v in _placement(underlay.source, underlay.box))
            drawing = pydyf.Stream([b"q", f"{matrix} cm /{name} Do".encode(), b"Q"])
            pdf.add_object(drawing)
            page["Contents"] = pydyf.Array([drawing.reference, page["Contents"]])
