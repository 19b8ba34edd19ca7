"""Public e-mail alerts of a body's papers: subscribe (double opt-in), confirm, and unsubscribe
in one click (RFC 8058). Anyone may use them, signed in or not; only the address is kept."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from corporate_parenting.forms import add_service_errors
from corporate_parenting.reminders import services
from corporate_parenting.reminders.forms import AlertSubscribeForm
from panels.models import Body
from panels.views.feeds import body_feed_links


def alert_index(request: HttpRequest) -> HttpResponse:
    bodies = [(body, body_feed_links(body)) for body in Body.objects.public().order_by("name")]
    return render(
        request,
        "panels/alerts/index.html",
        {"bodies": bodies, "page_feeds": [link for _, links in bodies for link in links]},
    )


def alert_subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.public(), slug=slug)
    form = AlertSubscribeForm(
        request.POST or None, initial={"agendas": True, "minutes": True, "decisions": True}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.alert_subscribe(
                email=form.cleaned_data["email"],
                body=body,
                agendas=form.cleaned_data["agendas"],
                minutes=form.cleaned_data["minutes"],
                decisions=form.cleaned_data["decisions"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(
                request,
                "panels/alerts/check_email.html",
                {"body": body, "email": form.cleaned_data["email"].strip().lower()},
            )
    return render(
        request,
        "panels/alerts/subscribe.html",
        {"body": body, "form": form, "page_feeds": body_feed_links(body)},
    )


def _problem(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "panels/alerts/problem.html", {"message": message}, status=status)


# The confirm and unsubscribe pages are reached by the secret link in an e-mail and show the
# address: never kept by a browser or a proxy (never_cache sends no-store).
@never_cache
def alert_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A page with a button: a mail scanner that opens the link does not confirm anything."""
    try:
        subscription = services.alert_for_token(token)
    except services.AlertLinkProblem as problem:
        return _problem(request, str(problem), 404)
    if request.method == "POST":
        try:
            subscription, now = services.alert_confirm(token=token)
        except services.AlertLinkProblem as problem:
            return _problem(request, str(problem), 410)
        if now:
            messages.success(request, "Your address is confirmed")
        else:
            messages.info(request, "Your address was already confirmed")
        return render(request, "panels/alerts/confirmed.html", {"subscription": subscription})
    return render(request, "panels/alerts/confirm.html", {"subscription": subscription})


@never_cache
@csrf_exempt  # mail providers post the one-click unsubscribe with no session; the token is proof
def alert_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            subscription = services.alert_unsubscribe(token=token)
        except services.AlertLinkProblem:
            # Twice, or after the row went: the outcome the person wants is already true.
            return render(request, "panels/alerts/unsubscribed.html", {"body": None})
        return render(request, "panels/alerts/unsubscribed.html", {"body": subscription.body})
    try:
        subscription = services.alert_for_token(token)
    except services.AlertLinkProblem as problem:
        return _problem(request, str(problem), 404)
    return render(request, "panels/alerts/unsubscribe.html", {"subscription": subscription})
