from django.urls import path

from events.views import diary, feeds, members, month, organise, public

app_name = "events"

urlpatterns = [
    path("", month.month, name="month"),
    path("list/", members.event_list, name="list"),
    path("new/", organise.create, name="create"),
    path("roll-forward/", diary.roll_forward, name="roll_forward"),
    path("diary/", diary.diary, name="diary"),
    path("diary/pdf/", diary.diary_pdf, name="diary_pdf"),
    path("<int:pk>/", members.detail, name="detail"),
    path("<int:pk>/calendar.ics", feeds.event_ics, name="event_ics"),
    path("<int:pk>/edit/", organise.edit, name="edit"),
    path("<int:pk>/cancel/", organise.cancel, name="cancel"),
    path("<int:pk>/sign-up/", members.sign_up, name="sign_up"),
    path("<int:pk>/cancel-sign-up/", members.cancel_sign_up, name="cancel_sign_up"),
    path("<int:pk>/attended/", members.confirm_attendance, name="confirm_attendance"),
    path("<int:pk>/sign-ups/", organise.signups, name="signups"),
    path("sign-ups/<int:pk>/attended/", organise.signup_attended, name="signup_attended"),
    path("public/", public.public_list, name="public_list"),
    path("public/month/", month.public_month, name="public_month"),
    path("public/<int:pk>/", public.public_detail, name="public_detail"),
    path("public/calendar.ics", feeds.public_feed, name="public_feed"),
    path("calendar/", feeds.feed, name="feed"),
    path("calendar/new-address/", feeds.feed_regenerate, name="feed_regenerate"),
    path("calendar/turn-off/", feeds.feed_revoke, name="feed_revoke"),
    path("calendar/<str:token>.ics", feeds.private_feed, name="private_feed"),
]
