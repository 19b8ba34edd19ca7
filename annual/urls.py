"""Annual reports: the council's settings, drafting and approval for officers, the page and PDFs
for whoever may read the report, and the public list and feed."""

from django.urls import path, register_converter

from annual import views


class EditionConverter:
    regex = "full|young"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(EditionConverter, "annualedition")

app_name = "annual"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("settings/", views.annual_settings, name="settings"),
    path("start/", views.report_start, name="start"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/write/", views.report_write, name="write"),
    path("<int:pk>/history/", views.report_history, name="history"),
    path("<int:pk>/approve/", views.report_approve, name="approve"),
    path("<int:pk>/publish/", views.report_publish, name="publish"),
    path("<int:pk>/young-people/", views.young_version, name="young"),
    path("<int:pk>/pdf/<annualedition:edition>/", views.document, name="document"),
    path("<int:pk>/pdf/<annualedition:edition>/download/", views.download, name="download"),
    # What anyone may open.
    path("public/", views.public_list, name="public_list"),
    path("public/<int:pk>/", views.public_detail, name="public_detail"),
    path("public/bodies/<slug:slug>.rss", views.rss, name="feed_rss"),
    path("public/bodies/<slug:slug>.atom", views.atom, name="feed_atom"),
]
