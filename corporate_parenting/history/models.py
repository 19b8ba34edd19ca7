"""Every insert, update and delete of a governance record, written by a PostgreSQL trigger.

A trigger sees every write, a queryset's bulk `update()` and `delete()` included, and the ones
made outside the portal's services (a shell, the Django admin, a data fix). Each event row holds
the record as it was after the change (as it was before, for a delete), when, and the request's
context (who was signed in, which address they asked for) that pghistory's middleware sets. The
readable trail people see (`AuditEvent`, corporate_parenting/audit.py) is written on top by the
services; this is the one that cannot be bypassed.
"""

from typing import Any

import pghistory
from django.db import models

from annual.models import AnnualPriority, AnnualReport, AnnualSettings
from champions.models import (
    Appointment,
    ChampionArea,
    ChampionSettings,
    Engagement,
    LinkOfficer,
    PlanItem,
    ReportPeople,
)
from corporate_parenting.models import Duty, SiteSettings
from events.models import Event
from offer.models import Feedback, Indicator, Measurement, OfferEntry
from panels.models import (
    ActionUpdate,
    AgendaItem,
    Amendment,
    Attendance,
    Body,
    DecisionStatus,
    Declaration,
    Meeting,
    Membership,
    Resolution,
)
from panels.reports.models import Report, ReportAnnex, ReportSection
from partners.models import (
    PartnerOrganisation,
    Pledge,
    ProgressUpdate,
    Representative,
    SelfAssessment,
)
from strategy.models import Objective, Priority
from voice.matters import Matter
from voice.models import Consultation, Finding, Quote, Theme

GOVERNANCE_MODELS: tuple[type[models.Model], ...] = (
    # panels
    Body,
    Membership,
    Meeting,
    AgendaItem,
    Attendance,
    Declaration,
    Resolution,
    ActionUpdate,
    Amendment,
    DecisionStatus,
    Report,
    ReportSection,
    ReportAnnex,
    # champions
    ChampionArea,
    Appointment,
    LinkOfficer,
    Engagement,
    ChampionSettings,
    PlanItem,
    ReportPeople,
    # events
    Event,
    # offer and indicators
    OfferEntry,
    Feedback,
    Indicator,
    Measurement,
    # the strategy
    Priority,
    Objective,
    # young people's voice: the Children in Care Council's matters
    Matter,
    # young people's voice: the themes, consultations, findings and quotes (their moderation)
    Theme,
    Consultation,
    Finding,
    Quote,
    # the portal's own settings, and officers' duties
    SiteSettings,
    Duty,
    # partner organisations and who represents them
    PartnerOrganisation,
    Representative,
    Pledge,
    ProgressUpdate,
    SelfAssessment,
    # the annual report, its priorities for next year, and the council's choice of sections
    AnnualReport,
    AnnualPriority,
    AnnualSettings,
)

# "updated_at" changes on every save; leaving it out keeps a save that changes nothing silent.
_IGNORED = {"updated_at"}

# pghistory makes these classes at import time; their fields are the tracked model's, so Any.
EVENT_MODELS: dict[type[models.Model], Any] = {}
for _model in GOVERNANCE_MODELS:
    _fields = [
        f.name for f in _model._meta.concrete_fields if f.name not in _IGNORED and not f.primary_key
    ]
    EVENT_MODELS[_model] = pghistory.create_event_model(
        _model,
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        fields=[_model._meta.pk.name, *_fields],
        obj_field=pghistory.ObjForeignKey(related_name="+", db_constraint=False),
        model_name=f"{_model.__name__}Event",
        app_label="history",
        abstract=False,
    )
