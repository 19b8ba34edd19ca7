from django.urls import path

from voice import views

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
]
