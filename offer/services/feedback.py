"""Anonymous feedback on the offer: counted against a keyed hash of the address, and moderated
before anything of it is shown."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.client import count_in_window
from corporate_parenting.models import User
from offer.models import Feedback, OfferEntry
from voice.models import Theme
from voice.services import themes_for_tagging

FEEDBACK_LIMIT = 5  # per address per window
FEEDBACK_WINDOW_SECONDS = 60 * 60


class RateLimited(Exception):
    pass


def client_key(address: str) -> str:
    """A keyed hash of the client's address: enough to count, never the address itself."""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return "offer:feedback:" + digest.hexdigest()[:40]


def _count_and_check(address: str) -> None:
    if count_in_window(client_key(address), seconds=FEEDBACK_WINDOW_SECONDS) > FEEDBACK_LIMIT:
        raise RateLimited


@transaction.atomic
def feedback_submit(
    *,
    address: str,
    kind: str,
    text: str = "",
    entry: OfferEntry | None = None,
    page: str = "",
) -> Feedback:
    """Anonymous feedback: counted against a hash of the address, stored without it."""
    if kind not in Feedback.Kind.values:
        raise ValidationError({"kind": "Choose whether this was useful"})
    text = text.strip()
    if kind == Feedback.Kind.MISSING and not text:
        raise ValidationError({"text": "Tell us what is missing"})
    if len(text) > 1000:
        raise ValidationError({"text": "Use 1,000 characters or fewer"})
    _count_and_check(address)
    # A yes or no click is only counted; words are moderated before anything is shown.
    status = Feedback.Status.NEW if text else Feedback.Status.HIDDEN
    return Feedback.objects.create(
        entry=entry, kind=kind, text=text, page=page[:200], status=status
    )


@transaction.atomic
def feedback_moderate(
    *,
    feedback: Feedback,
    actor: User,
    publish: bool,
    you_said: str = "",
    we_did: str = "",
    themes: Iterable[Theme] | None = None,
) -> Feedback:
    """Hide feedback, or show it on "You said, we did" with the officer's public-safe words.
    Themes, when given, replace those it had: they count whether it is shown or not."""
    if publish:
        errors = {}
        if not you_said.strip():
            errors["you_said"] = "Enter what young people told us"
        if not we_did.strip():
            errors["we_did"] = "Enter what we did about it"
        if errors:
            raise ValidationError(errors)
    tagged = None if themes is None else themes_for_tagging(themes, already=feedback.themes.all())
    feedback.status = Feedback.Status.PUBLISHED if publish else Feedback.Status.HIDDEN
    feedback.you_said = you_said.strip()
    feedback.we_did = we_did.strip()
    feedback.moderated_by = actor
    feedback.moderated_at = timezone.now()
    feedback.save()
    if tagged is not None:
        feedback.themes.set(tagged)
    return feedback
