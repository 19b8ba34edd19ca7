"""PDF documents with WeasyPrint, from templates under templates/pdf/.

Static files are read from disk, never fetched over the network.
"""

import mimetypes
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

from corporate_parenting.models import SiteSettings


def _static_url_fetcher(url: str, *args: Any, **kwargs: Any) -> dict[str, object]:
    import weasyprint

    prefix = f"file://{settings.STATIC_URL}"
    if url.startswith(prefix):
        found = finders.find(url.removeprefix(prefix))
        if found:
            path = Path(str(found))
            return {
                "string": path.read_bytes(),
                "mime_type": mimetypes.guess_type(path.name)[0] or "application/octet-stream",
            }
    if url.startswith("data:"):
        return weasyprint.default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"PDF documents may only use the portal's own static files, not {url}")


def render_pdf(template: str, context: dict[str, object]) -> bytes:
    import weasyprint

    html = render_to_string(template, {"site": SiteSettings.load(), **context})
    document = weasyprint.HTML(string=html, base_url="file:///", url_fetcher=_static_url_fetcher)
    return document.write_pdf()


def pdf_response(template: str, context: dict[str, object], *, filename: str) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
