from django.urls import path

from voice import consultation_views, matter_views, views

app_name = "voice"

urlpatterns = [
    path("", views.index, name="index"),
    path("told.csv", views.told_csv, name="told_csv"),
    path("public/", views.public, name="public"),
    path("principles/", views.principles, name="principles"),
    path("principles/coverage/", views.principles_coverage, name="principles_coverage"),
    path("principles/coverage.csv", views.principles_coverage_csv, name="principles_coverage_csv"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/new/", views.theme_create, name="theme_create"),
    path("themes/<slug:slug>/edit/", views.theme_edit, name="theme_edit"),
    path("themes/<slug:slug>/retire/", views.theme_retire, name="theme_retire"),
    path("themes/<slug:slug>/move/", views.theme_move, name="theme_move"),
    path("matters/", matter_views.matter_list, name="matter_list"),
    path("matters/new/", matter_views.matter_create, name="matter_create"),
    path("matters/<int:pk>/", matter_views.matter_detail, name="matter_detail"),
    path("matters/<int:pk>/edit/", matter_views.matter_edit, name="matter_edit"),
    path("matters/<int:pk>/respond/", matter_views.matter_respond, name="matter_respond"),
    path(
        "matters/<int:pk>/show-publicly/",
        matter_views.matter_show_publicly,
        name="matter_show_publicly",
    ),
    path("consultations/", consultation_views.consultation_list, name="consultation_list"),
    path(
        "consultations/new/",
        consultation_views.consultation_create,
        name="consultation_create",
    ),
    path("consultations/moderation/", consultation_views.moderation, name="moderation"),
    path(
        "consultations/<int:pk>/",
        consultation_views.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "consultations/<int:pk>/edit/",
        consultation_views.consultation_edit,
        name="consultation_edit",
    ),
    path(
        "consultations/<int:pk>/findings/new/",
        consultation_views.finding_add,
        name="finding_add",
    ),
    path("findings/<int:pk>/edit/", consultation_views.finding_edit, name="finding_edit"),
    path(
        "findings/<int:pk>/moderate/",
        consultation_views.finding_moderate,
        name="finding_moderate",
    ),
    path("findings/<int:pk>/quotes/new/", consultation_views.quote_add, name="quote_add"),
    path("quotes/<int:pk>/moderate/", consultation_views.quote_moderate, name="quote_moderate"),
]
