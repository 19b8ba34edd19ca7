"""A document made by the worker from a build row (the agenda pack's PackBuild, the annual
report's AnnualBuild): queued, then claimed by one worker, then finished as ready or failed.

The two steps every kind of build shares, here once: claiming a row (a queued one, or one left
building past its time limit by a worker that died) and recording the outcome unless another
worker claimed the row again in the meantime. Each row has `status` ("queued", "building",
"ready", "failed"), `started_at`, `finished_at` and `file`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

QUEUED, BUILDING = "queued", "building"

B = TypeVar("B", bound=models.Model)


def claim_build(
    queryset: models.QuerySet[B], build_id: int, *, is_stale: Callable[[B], bool]
) -> B | None:
    """The row, marked as being made from now, when it is waiting or its maker is presumed dead
    (is_stale); None when it is gone, done or being made elsewhere. The row is locked while it
    is looked at, so two workers never claim the same build."""
    with transaction.atomic():
        found = queryset.select_for_update(of=("self",)).filter(pk=build_id).first()
        if found is None:
            return None
        row: Any = found  # every build row has status and started_at
        if not (row.status == QUEUED or (row.status == BUILDING and is_stale(found))):
            return None
        row.status = BUILDING
        row.started_at = timezone.now()
        row.save(update_fields=["status", "started_at", "updated_at"])
        return found


def finish_build(build: B, **fields: Any) -> None:
    """Record the outcome (fields, and the file the worker saved on `build`), unless another
    worker has claimed the row since: then this worker's file is removed and nothing is kept."""
    model: Any = type(build)
    row: Any = build  # every build row has started_at and file
    with transaction.atomic():
        current = model.objects.select_for_update().get(pk=build.pk)
        made = row.file
        if current.status != BUILDING or current.started_at != row.started_at:
            if made and made.name != current.file.name:
                made.delete(save=False)
            return
        for name, value in fields.items():
            setattr(current, name, value)
        current.file = made
        current.finished_at = timezone.now()
        current.save()
