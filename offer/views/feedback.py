"""Young people's anonymous feedback on the offer, and officers' moderation of it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corporate_parenting.client import client_address
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from offer import forms, services
from offer.models import Feedback, OfferEntry
from offer.tables import FeedbackTable
from offer.views.common import safe_next
from voice.identifying import warnings_for


@require_POST
def feedback(request: HttpRequest) -> HttpResponse:
    """'Was this useful?': a yes or no, anonymous and rate-limited."""
    back = safe_next(request, request.POST.get("next", ""))
    shown = None
    if request.POST.get("entry", "").isdigit():
        shown = OfferEntry.objects.published().filter(pk=request.POST["entry"]).first()
    try:
        services.feedback_submit(
            # Behind the proxy, each young person's own address.
            address=client_address(request),
            kind=request.POST.get("kind", ""),
            entry=shown,
            page=back,
        )
    except services.RateLimited:
        messages.error(request, "You have sent a lot of feedback. Please try again in an hour.")
    except ValidationError:
        messages.error(request, "Choose yes or no")
    else:
        messages.success(request, "Thank you. Your answer helps us improve the offer.")
    return redirect(back)


def missing(request: HttpRequest) -> HttpResponse:
    """'Tell us what is missing': free text, anonymous and rate-limited, moderated before shown."""
    form = forms.MissingForm(request.POST or None, initial={"page": request.GET.get("page", "")})
    limited = False
    if request.method == "POST" and form.is_valid():
        back = safe_next(request, form.cleaned_data["page"])
        try:
            services.feedback_submit(
                address=client_address(request),
                kind=Feedback.Kind.MISSING,
                text=form.cleaned_data["text"],
                page=back,
            )
        except services.RateLimited:
            limited = True
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Thank you. We read everything you send us.")
            return redirect(back)
    return render(request, "offer/missing.html", {"form": form, "limited": limited})


@role_required(*STAFF_ROLES)
def feedback_list(request: SignedInRequest) -> HttpResponse:
    show = request.GET.get("show", "waiting")
    rows = Feedback.objects.with_words().select_related("entry")
    if show == "waiting":
        rows = rows.awaiting_moderation()
    return table_page(
        request,
        table_class=FeedbackTable,
        queryset=rows,
        template="offer/feedback_list.html",
        csv_filename="offer-feedback.csv",
        context={"show": show},
    )


@role_required(*STAFF_ROLES)
def feedback_moderate(request: SignedInRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Feedback.objects.with_words(), pk=pk)
    initial = {
        "you_said": item.you_said,
        "we_did": item.we_did,
        "themes": list(item.themes.values_list("pk", flat=True)),
    }
    form = forms.ModerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_moderate(
                feedback=item,
                actor=request.user,
                publish=form.cleaned_data["decision"] == "publish",
                you_said=form.cleaned_data["you_said"],
                we_did=form.cleaned_data["we_did"],
                themes=form.cleaned_data["themes"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Decision saved")
            return redirect("offer:feedback_list")
    return render(
        request,
        "offer/feedback_moderate.html",
        {"form": form, "item": item, "warnings": warnings_for(item.text)},
    )
