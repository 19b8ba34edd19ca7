"""The report PDF and the agenda packs. Included by panels/urls.py (namespace "panels")."""

from django.urls import path

from panels.reports import pack_views

urlpatterns = [
    path("reports/<int:pk>/report.pdf", pack_views.report_pdf, name="report_pdf"),
    path("meetings/<int:pk>/pack/<str:edition>/", pack_views.pack, name="pack"),
    path(
        "meetings/<int:pk>/pack/<str:edition>.pdf", pack_views.pack_download, name="pack_download"
    ),
]
