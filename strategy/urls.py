from django.urls import path

from strategy import views

app_name = "strategy"

urlpatterns = [
    path("", views.index, name="index"),
    path("progress.csv", views.progress_csv, name="progress_csv"),
    path("public/", views.public, name="public"),
    path("priorities/new/", views.priority_create, name="priority_create"),
    path("priorities/<slug:slug>/", views.priority_detail, name="priority_detail"),
    path("priorities/<slug:slug>/edit/", views.priority_edit, name="priority_edit"),
    path("priorities/<slug:slug>/retire/", views.priority_retire, name="priority_retire"),
    path(
        "priorities/<slug:slug>/objectives/new/",
        views.objective_create,
        name="objective_create",
    ),
    path("objectives/<int:pk>/", views.objective_detail, name="objective_detail"),
    path("objectives/<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("objectives/<int:pk>/links/", views.objective_links, name="objective_links"),
]
