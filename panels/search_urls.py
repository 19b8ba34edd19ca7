from django.urls import path

from panels import search_views

urlpatterns = [
    path("search/", search_views.papers, name="papers_search"),
]
