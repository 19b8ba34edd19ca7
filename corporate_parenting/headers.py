"""Headers every response carries: what the browser may use, and what it may keep.

- Permissions-Policy: the portal uses no camera, microphone, location, payment or the like, so
  no page (nor anything embedded in one) may ask for them.
- Cache-Control: no-store on every response to a signed-in person (their pages name young people's
  issues, private business and their own records) and on every export (CSV, PDF, calendar), so
  neither the browser nor a shared proxy keeps a copy after they sign out.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

EXPORT_TYPES = ("text/csv", "application/pdf", "text/calendar")
NO_STORE = "private, no-store"


def public_asset(response: HttpResponse) -> None:
    """Marks a response that is the same for everyone and holds nothing personal (the council's
    logo): it keeps the Cache-Control its view set, signed in or not."""
    response.portal_public_asset = True  # type: ignore[attr-defined]  # a marker read below


def is_export(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type in EXPORT_TYPES or response.has_header("Content-Disposition")


class TrustHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        # The open data is public: its CSVs may be cached by browsers and proxies.
        is_open_data = request.path.startswith("/api/v1/") and not signed_in
        if getattr(response, "portal_public_asset", False):
            return response
        if signed_in or (is_export(response) and not is_open_data):
            response["Cache-Control"] = NO_STORE
            response.headers.pop("Expires", None)
        return response
