"""The care leaver offer, its feedback, the panel's KPIs and the words search uses.

By what they hold: entries (the offer's categories and entries, and feedback on them),
indicators (KPIs and their figures), search (synonyms and the words for "did you mean"). All are
re-exported here, so `offer.models.Indicator` keeps working.
"""

from offer.models.entries import (
    AGE_HIGHEST,
    AGE_LOWEST,
    SEARCH_CONFIG,
    STATUS_AGES,
    STATUS_FIELDS,
    CareLeaverStatus,
    Feedback,
    FeedbackQuerySet,
    OfferCategory,
    OfferEntry,
    OfferEntryQuerySet,
    ages_phrase,
    status_ages_words,
    status_fields_fitting,
    statuses_outside_ages,
)
from offer.models.indicators import (
    UNIT_RANGES,
    Indicator,
    IndicatorQuerySet,
    Measurement,
    PeriodKind,
    Polarity,
    Unit,
)
from offer.models.search import (
    SearchSynonym,
    SearchSynonymQuerySet,
    SearchWord,
    SearchWordsVersion,
)

__all__ = [
    "AGE_HIGHEST",
    "AGE_LOWEST",
    "SEARCH_CONFIG",
    "STATUS_AGES",
    "STATUS_FIELDS",
    "UNIT_RANGES",
    "CareLeaverStatus",
    "Feedback",
    "FeedbackQuerySet",
    "Indicator",
    "IndicatorQuerySet",
    "Measurement",
    "OfferCategory",
    "OfferEntry",
    "OfferEntryQuerySet",
    "PeriodKind",
    "Polarity",
    "SearchSynonym",
    "SearchSynonymQuerySet",
    "SearchWord",
    "SearchWordsVersion",
    "Unit",
    "ages_phrase",
    "status_ages_words",
    "status_fields_fitting",
    "statuses_outside_ages",
]
