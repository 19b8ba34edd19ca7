"""Every write to consultations, their findings and quotes, and their moderation.

Council staff (officers and admins) enter consultations; the officer holding the participation
officer duty is who runs them and is offered first. Findings and quotes are moderated as
feedback on the offer is: nothing counts or shows until a moderator decides, and a changed
statement goes back to be moderated again. What looks like it identifies a child
(voice/identifying.py) never stops an entry: the person entering is warned, the moderator sees
the same warnings and decides.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.duties import people_with_duty
from corporate_parenting.models import DutyKind, User
from panels.models import Resolution
from panels.reports.forms import people_with_duty_or
from strategy.models import Objective
from voice.consultation_models import (
    AGE_BAND_MAX,
    AGE_BANDS,
    Consultation,
    ConsultationKind,
    Finding,
    FindingStatus,
    Quote,
    QuoteStatus,
)
from voice.identifying import warnings_for
from voice.models import Principle, Theme
from voice.services import themes_for_tagging

TITLE_MAX = 200
TEXT_MAX = 5_000  # what was asked
STATEMENT_MAX = 1_000
QUOTE_MAX = 1_000


class Decision:
    """What a moderator decides about a finding."""

    APPROVE = "approve"  # counted, read by members and officers
    SHOW = "show"  # and shown on the public summary, with what was done
    REJECT = "reject"
    ALL = (APPROVE, SHOW, REJECT)


def can_enter(user: User | None) -> bool:
    """Council staff (officers and admins) record consultations and their findings."""
    return user is not None and user.is_authenticated and user.is_council_staff


can_moderate = can_enter  # the same people moderate, as they moderate feedback on the offer


def _check(actor: User | None) -> None:
    if not can_enter(actor):
        raise PermissionDenied("Only council staff can record and moderate consultations")


def participation_officers(current: User | None = None) -> QuerySet[User]:
    """The pick-list of who ran a consultation: those holding the participation officer duty,
    and the person already chosen even if they no longer hold it."""
    return people_with_duty_or(DutyKind.PARTICIPATION_OFFICER, current)


def default_run_by(actor: User) -> User | None:
    """Who ran it, unless the form says otherwise: the person entering it when they are the
    participation officer."""
    return actor if people_with_duty(DutyKind.PARTICIPATION_OFFICER).filter(pk=actor.pk) else None


# ---------------------------------------------------------------- consultations


@transaction.atomic
def consultation_save(
    *,
    actor: User | None,
    consultation: Consultation | None,
    title: str,
    kind: str,
    asked: str,
    held_from: datetime.date | None,
    held_to: datetime.date | None = None,
    run_by: User | None = None,
    age_bands: dict[str, int | None] | None = None,
    is_demo: bool = False,
) -> Consultation:
    """Record a consultation (consultation=None) or change one."""
    _check(actor)
    title, asked = title.strip(), asked.strip()
    counts = {name: (age_bands or {}).get(name) or 0 for name, _ in AGE_BANDS}
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "Enter the title of the consultation"
    elif len(title) > TITLE_MAX:
        errors["title"] = f"Use {TITLE_MAX} characters or fewer"
    if kind not in ConsultationKind.values:
        errors["kind"] = "Choose what kind of consultation it was"
    if not asked:
        errors["asked"] = "Enter what young people were asked"
    elif len(asked) > TEXT_MAX:
        errors["asked"] = f"Use {TEXT_MAX:,} characters or fewer"
    if held_from is None:
        errors["held_from"] = "Enter the date it was held, or the date it started"
    elif held_to is not None and held_to < held_from:
        errors["held_to"] = "The date it ended must be the same as or after the date it started"
    if run_by is not None and not participation_officers(
        consultation.run_by if consultation else None
    ).filter(pk=run_by.pk):
        errors["run_by"] = "Choose the participation officer from the list"
    for name, label in AGE_BANDS:
        if not 0 <= counts[name] <= AGE_BAND_MAX:
            errors[name] = f"Enter how many aged {label.lower()} took part, from 0 to 100,000"
    if errors:
        raise ValidationError(errors)
    creating = consultation is None
    target = consultation if consultation is not None else Consultation(entered_by=actor)
    target.title, target.kind, target.asked = title, kind, asked
    target.held_from = held_from  # type: ignore[assignment]  # checked above
    target.held_to = None if held_to == held_from else held_to
    target.run_by = run_by
    target.is_demo = is_demo or target.is_demo
    for name, count in counts.items():
        setattr(target, name, count)
    target.full_clean()
    target.save()
    audit_record(
        actor=actor,
        instance=target,
        action="consultation recorded" if creating else "consultation changed",
    )
    return target


# ---------------------------------------------------------------- findings and quotes


@dataclass(frozen=True)
class Saved:
    """A finding as saved, and the warnings for the person who entered it."""

    finding: Finding
    warnings: list[str]


def _check_links(
    actions: Iterable[Resolution], objectives: Iterable[Objective]
) -> tuple[list[Resolution], list[Objective]]:
    chosen_actions = list(actions)
    if any(not action.is_action for action in chosen_actions):
        raise ValidationError({"actions": "Choose panel actions from the list"})
    return chosen_actions, list(objectives)


def _text(value: str, field: str, limit: int, empty: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: empty})
    if len(value) > limit:
        raise ValidationError({field: f"Use {limit:,} characters or fewer"})
    return value


@transaction.atomic
def finding_save(
    *,
    actor: User | None,
    consultation: Consultation,
    finding: Finding | None,
    statement: str,
    themes: Iterable[Theme] = (),
    actions: Iterable[Resolution] = (),
    objectives: Iterable[Objective] = (),
    quote: str = "",
    principles: Iterable[Principle] | None = None,
) -> Saved:
    """Add a finding (finding=None), with a first quote when given, or change one. A new
    finding, and one whose statement changed, waits for moderation."""
    _check(actor)
    statement = _text(statement, "statement", STATEMENT_MAX, "Enter what young people told you")
    quote = quote.strip()
    if len(quote) > QUOTE_MAX:
        raise ValidationError({"quote": f"Use {QUOTE_MAX:,} characters or fewer"})
    tagged = themes_for_tagging(themes, already=finding.themes.all() if finding else ())
    chosen_actions, chosen_objectives = _check_links(actions, objectives)
    creating = finding is None
    target = finding if finding is not None else Finding(consultation=consultation)
    if target.consultation_id != consultation.pk:
        raise ValidationError("This finding belongs to another consultation")
    changed = creating or target.statement != statement
    target.statement = statement
    if changed and not creating:
        # New words are moderated again; a public answer is taken down until they are.
        target.status = FindingStatus.PENDING
        target.moderated_by, target.moderated_at = None, None
    if creating:
        target.entered_by = actor
    target.save()
    target.themes.set(tagged)
    target.actions.set(chosen_actions)
    target.objectives.set(chosen_objectives)
    if principles is not None:
        target.principles.set(list(principles))
    audit_record(
        actor=actor,
        instance=target,
        action="finding added"
        if creating
        else ("finding changed: waiting for moderation" if changed else "finding changed"),
    )
    warnings = warnings_for(statement)
    if quote:
        warnings += quote_add(actor=actor, finding=target, text=quote).warnings
    return Saved(target, list(dict.fromkeys(warnings)))


@dataclass(frozen=True)
class QuoteSaved:
    quote: Quote
    warnings: list[str]


@transaction.atomic
def quote_add(*, actor: User | None, finding: Finding, text: str) -> QuoteSaved:
    """Add an anonymised quote to a finding: it waits for moderation."""
    _check(actor)
    text = _text(text, "text", QUOTE_MAX, "Enter the quote")
    quote = Quote.objects.create(finding=finding, text=text, entered_by=actor)
    audit_record(actor=actor, instance=quote, action="quote added")
    return QuoteSaved(quote, warnings_for(text))


# ---------------------------------------------------------------- moderation


@transaction.atomic
def finding_moderate(
    *, actor: User | None, finding: Finding, decision: str, we_did: str = ""
) -> Finding:
    """Approve a finding (it counts, for members and officers), approve and show it on the
    public summary with what was done, or reject it (it neither counts nor shows)."""
    _check(actor)
    if decision not in Decision.ALL:
        raise ValidationError({"decision": "Choose what should happen to this finding"})
    we_did = we_did.strip()
    if decision == Decision.SHOW and not we_did:
        raise ValidationError({"we_did": "Enter what was done about it, to show it publicly"})
    if len(we_did) > STATEMENT_MAX:
        raise ValidationError({"we_did": f"Use {STATEMENT_MAX:,} characters or fewer"})
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    before = finding.get_status_display()
    finding.status = {
        Decision.APPROVE: FindingStatus.APPROVED,
        Decision.SHOW: FindingStatus.SHOWN,
        Decision.REJECT: FindingStatus.REJECTED,
    }[decision]
    finding.we_did = we_did
    finding.moderated_by = actor
    finding.moderated_at = timezone.now()
    finding.save()
    audit_record(
        actor=actor,
        instance=finding,
        action="finding moderated",
        changes={"status": [before, finding.get_status_display()]},
    )
    return finding


@transaction.atomic
def quote_moderate(*, actor: User | None, quote: Quote, approve: bool) -> Quote:
    """Approve a quote (read with its finding once that counts) or reject it."""
    _check(actor)
    quote = Quote.objects.select_for_update().get(pk=quote.pk)
    quote.status = QuoteStatus.APPROVED if approve else QuoteStatus.REJECTED
    quote.moderated_by = actor
    quote.moderated_at = timezone.now()
    quote.save()
    audit_record(
        actor=actor, instance=quote, action="quote approved" if approve else "quote rejected"
    )
    return quote
