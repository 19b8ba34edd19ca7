"""Pages: a person's reminder settings (signed in, or from the signed link in any e-mail), and
the ledger admins read: what was sent to whom and when, what failed and why, with a resend."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import AuditEvent, Role, User
from corporate_parenting.permissions import role_required
from corporate_parenting.reminders import services
from corporate_parenting.reminders.forms import PreferencesForm
from corporate_parenting.reminders.kinds import SPECS, kinds_for
from corporate_parenting.reminders.links import LinkExpired, LinkInvalid, read_settings_token
from corporate_parenting.reminders.models import Reminder
from corporate_parenting.reminders.tables import LedgerFilter, LedgerTable
from corporate_parenting.tables import table_page


def _preferences_page(
    request: HttpRequest, *, user: User, signed_link: bool, status: int = 200
) -> HttpResponse:
    off = services.turned_off(user)
    offered = kinds_for(user.roles, optional=True)
    form = PreferencesForm(
        request.POST or None,
        initial={"enabled": [kind for kind in offered if kind not in off]},
        kinds=offered,
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=user, enabled=form.cleaned_data["enabled"], offered=offered)
        messages.success(request, "Your reminder settings are saved")
        return redirect(request.path)
    return render(
        request,
        "core/reminders/preferences.html",
        {
            "form": form,
            "person": user,
            "signed_link": signed_link,
            "required": [SPECS[kind].description for kind in kinds_for(user.roles, optional=False)],
        },
        status=status,
    )


@login_required
def preferences(request: SignedInRequest) -> HttpResponse:
    return _preferences_page(request, user=request.user, signed_link=False)


@never_cache  # names the person and their settings, from a secret link: never kept (no-store)
@csrf_exempt  # the signed token in the address is the proof; mail clients post one-click here
def preferences_signed(request: HttpRequest, token: str) -> HttpResponse:
    """The link at the end of every e-mail: works without signing in until it expires. A POST
    of "List-Unsubscribe=One-Click" (RFC 8058) turns off the kind the e-mail was about."""
    try:
        link = read_settings_token(token)
    except LinkExpired:
        return render(
            request,
            "core/reminders/link_problem.html",
            {"problem": "expired"},
            status=410,
        )
    except LinkInvalid:
        return render(
            request, "core/reminders/link_problem.html", {"problem": "invalid"}, status=404
        )
    user = User.objects.filter(pk=link.user_id, is_active=True).first()
    if user is None:
        return render(
            request, "core/reminders/link_problem.html", {"problem": "invalid"}, status=404
        )
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        turned_off = services.preference_turn_off(user=user, kind=link.kind)
        return render(
            request,
            "core/reminders/one_click_done.html",
            {"turned_off": turned_off, "kind": SPECS.get(link.kind), "token": token},
        )
    return _preferences_page(request, user=user, signed_link=True)


@role_required(Role.ADMIN)
def ledger(request: SignedInRequest) -> HttpResponse:
    filterset = LedgerFilter(request.GET or None, queryset=Reminder.objects.for_ledger())
    return table_page(
        request,
        table_class=LedgerTable,
        filterset=filterset,
        template="core/reminders/ledger.html",
        csv_filename="reminders.csv",
        context={"failed_count": Reminder.objects.failed().count()},
    )


@role_required(Role.ADMIN)
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    reminder = get_object_or_404(
        Reminder.objects.select_related("recipient", "resend_of", "requested_by", "subscription"),
        pk=pk,
    )
    return render(
        request,
        "core/reminders/detail.html",
        {
            "reminder": reminder,
            "resends": reminder.resends.order_by("pk"),
            "audit_events": AuditEvent.objects.for_object(reminder)[:20],
        },
    )


@role_required(Role.ADMIN)
@require_POST
def resend(request: SignedInRequest, pk: int) -> HttpResponse:
    reminder = get_object_or_404(Reminder, pk=pk)
    try:
        copy = services.reminder_resend(actor=request.user, reminder=reminder)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reminders:detail", pk=pk)
    messages.success(request, f"Sent again as reminder {copy.pk}")
    return redirect("reminders:detail", pk=copy.pk)
