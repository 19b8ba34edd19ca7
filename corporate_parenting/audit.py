"""Recording every change to the records that must be trusted: who, when, what."""

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from corporate_parenting.models import AuditEvent, User


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The printable values of these fields, to compare before and after a change."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, FieldFile):
            # The stored file's name: the FieldFile object itself changes in place when a new
            # file is saved over it, so before and after would always compare equal.
            value = value.name or ""
        values[name] = str(value) if isinstance(value, models.Model) else value
    return values


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changed."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in after
        if before.get(name) != after.get(name)
    }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def audit_record(
    *,
    actor: User | None,
    instance: models.Model,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes={k: [_plain(v) for v in pair] for k, pair in (changes or {}).items()},
        note=note,
    )
