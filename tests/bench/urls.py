"""The portal's URLs plus a trivial view, the bare floor kept for reference beside the landing page.

The floor goes through the same middleware as every page but does no work of its own: a page's
p95 divided by the floor's p95 is what the page itself costs, whatever machine it runs on.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

import corporate_parenting.urls

FLOOR_PATH = "/__bench_floor__"


def floor_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(FLOOR_PATH.lstrip("/"), floor_view)] + corporate_parenting.urls.urlpatterns

handler403 = corporate_parenting.urls.handler403
handler404 = corporate_parenting.urls.handler404
handler500 = corporate_parenting.urls.handler500
