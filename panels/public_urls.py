from django.urls import path

from panels import public_views

urlpatterns = [
    path("public/bodies/<slug:slug>/", public_views.public_body, name="public_body"),
]
