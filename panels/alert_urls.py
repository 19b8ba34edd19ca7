"""Public alerts and feeds of a body's papers. Included into the panels namespace by
panels/urls.py."""

from django.urls import path, register_converter

from panels import alerts, feeds

register_converter(feeds.PaperFeedConverter, "paperfeed")

urlpatterns = [
    path("public/alerts/", alerts.alert_index, name="alert_index"),
    path("public/bodies/<slug:slug>/alerts/", alerts.alert_subscribe, name="alert_subscribe"),
    path("public/alerts/<str:token>/confirm/", alerts.alert_confirm, name="alert_confirm"),
    path(
        "public/alerts/<str:token>/unsubscribe/",
        alerts.alert_unsubscribe,
        name="alert_unsubscribe",
    ),
    path("public/bodies/<slug:slug>/<paperfeed:feed>.rss", feeds.rss, name="body_feed_rss"),
    path("public/bodies/<slug:slug>/<paperfeed:feed>.atom", feeds.atom, name="body_feed_atom"),
]
