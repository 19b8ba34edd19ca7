"""Every write to a KPI's definition: create, change, retire, reinstate, delete, the
definitions-only CSV import and the national reference list.

Who may: an admin, or a person with the KPI owner duty (`can_manage_indicators`). Figures are
never written here: they come from the figures import (offer/services/figures.py).

By what they hold: rules (who may, and what a definition must keep), lifecycle (one indicator),
imports (the definitions import and the national list). Import from here:
`services.indicator_save`.
"""

from offer.indicators.services.imports import (
    DEFINITION_COLUMNS,
    DEFINITIONS_TEMPLATE,
    NEEDED_FOR_NEW,
    ReferenceResult,
    indicators_import,
    reference_choices,
    reference_load,
    unknown_reference_codes,
)
from offer.indicators.services.lifecycle import (
    delete_refusal,
    indicator_delete,
    indicator_reinstate,
    indicator_retire,
    indicator_save,
)
from offer.indicators.services.rules import (
    CONTEXT_HAS_NO_TARGET,
    INDICATOR_FIELDS,
    MESSAGES,
    TEXT_FIELDS,
    can_manage_indicators,
    definition_problems,
    owner_choices,
    require_manager,
    target_problem,
)

__all__ = [
    "CONTEXT_HAS_NO_TARGET",
    "DEFINITIONS_TEMPLATE",
    "DEFINITION_COLUMNS",
    "INDICATOR_FIELDS",
    "MESSAGES",
    "NEEDED_FOR_NEW",
    "TEXT_FIELDS",
    "ReferenceResult",
    "can_manage_indicators",
    "definition_problems",
    "delete_refusal",
    "indicator_delete",
    "indicator_reinstate",
    "indicator_retire",
    "indicator_save",
    "indicators_import",
    "owner_choices",
    "reference_choices",
    "reference_load",
    "require_manager",
    "target_problem",
    "unknown_reference_codes",
]
