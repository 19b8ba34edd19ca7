from django.urls import include, path

from offer import search_views, views

app_name = "offer"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", search_views.search, name="search"),
    path("category/<slug:slug>/", search_views.category, name="category"),
    path("help/<slug:slug>/", views.entry, name="entry"),
    path("print/", views.printable, name="print"),
    path("booklet.pdf", views.booklet, name="booklet"),
    path("feedback/", views.feedback, name="feedback"),
    path("tell-us-what-is-missing/", views.missing, name="missing"),
    path("you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path("manage/", views.manage, name="manage"),
    path("manage/new/", views.entry_create, name="entry_create"),
    path("manage/<int:pk>/", views.entry_edit, name="entry_edit"),
    path("manage/synonyms/", search_views.synonyms, name="synonyms"),
    path("manage/synonyms/new/", search_views.synonym_create, name="synonym_create"),
    path("manage/synonyms/<int:pk>/", search_views.synonym_edit, name="synonym_edit"),
    path("manage/synonyms/<int:pk>/delete/", search_views.synonym_delete, name="synonym_delete"),
    path("manage/feedback/", views.feedback_list, name="feedback_list"),
    path("manage/feedback/<int:pk>/", views.feedback_moderate, name="feedback_moderate"),
    path("kpis/", views.scorecard, name="scorecard"),
    path("kpis/scorecard.pdf", views.scorecard_pdf, name="scorecard_pdf"),
    path("kpis/import/", views.kpi_import, name="kpi_import"),
    path("kpis/<slug:code>/", views.indicator, name="indicator"),
    path("", include("offer.feeds")),
    path("", include("offer.indicators.urls")),
]
