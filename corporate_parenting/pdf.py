"""PDF documents with WeasyPrint, from templates under templates/pdf/.

Static files are read from disk; nothing is ever fetched over the network.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from corporate_parenting.models import SiteSettings


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


def render_pdf(template: str, context: dict[str, object]) -> bytes:
    html = render_to_string(template, {"branding": SiteSettings.load(), **context})
    document = HTML(string=html, base_url="file:///", url_fetcher=StaticFilesFetcher())
    return document.write_pdf()


def pdf_response(template: str, context: dict[str, object], *, filename: str) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
