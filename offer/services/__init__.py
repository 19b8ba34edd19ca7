"""Every write to the offer, its feedback and the KPI figures, by what it is about: entries,
feedback, figures (the KPI figures import) and imports (what the CSV imports share). Import from
here: `services.offer_entry_save`."""

from offer.services.entries import (
    ENTRY_FIELDS,
    entries_reindex,
    offer_entry_save,
    search_vector,
)
from offer.services.feedback import (
    FEEDBACK_LIMIT,
    FEEDBACK_WINDOW_SECONDS,
    RateLimited,
    client_key,
    feedback_moderate,
    feedback_submit,
)
from offer.services.figures import (
    COMPARATOR_COLUMNS,
    IMPORT_COLUMNS,
    LARGEST_VALUE,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    measurements_import,
)
from offer.services.imports import (
    MAX_IMPORT_BYTES,
    ImportRefused,
    ImportResult,
    RowError,
    read_rows,
)

__all__ = [
    "COMPARATOR_COLUMNS",
    "ENTRY_FIELDS",
    "FEEDBACK_LIMIT",
    "FEEDBACK_WINDOW_SECONDS",
    "IMPORT_COLUMNS",
    "LARGEST_VALUE",
    "MAX_IMPORT_BYTES",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportRefused",
    "ImportResult",
    "RateLimited",
    "RowError",
    "client_key",
    "entries_reindex",
    "feedback_moderate",
    "feedback_submit",
    "measurements_import",
    "offer_entry_save",
    "read_rows",
    "search_vector",
]
