"""Every write to reports: drafting, the workflow, annexes. Each function is atomic, checks
that the actor is the right person for the move (PermissionDenied otherwise), raises
ValidationError keyed by field for bad input, keeps a version and records the change.

The workflow: draft (the author writes) -> submitted -> approved by the sponsor, or returned
to the author with comments -> published with the agenda (or by the clerk after it).

By what they hold: common (fields, versions, locking), drafting, workflow, annexes. Import from
here: `services.report_submit`.
"""

from panels.services.reports.annexes import annex_add, annex_max_bytes, annex_remove
from panels.services.reports.common import MARKUP_FIELDS, TEXT_FIELDS, report_content
from panels.services.reports.drafting import report_create, report_update
from panels.services.reports.workflow import (
    report_approve,
    report_publish,
    report_return,
    report_submit,
    reports_publish_with_agenda,
)

__all__ = [
    "MARKUP_FIELDS",
    "TEXT_FIELDS",
    "annex_add",
    "annex_max_bytes",
    "annex_remove",
    "report_approve",
    "report_content",
    "report_create",
    "report_publish",
    "report_return",
    "report_submit",
    "report_update",
    "reports_publish_with_agenda",
]
