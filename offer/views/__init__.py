"""The offer's pages: the public offer, its feedback, officers' management, the printed offer and
the KPIs. offer/urls.py names them from here."""

from offer.views.feedback import feedback, feedback_list, feedback_moderate, missing
from offer.views.kpis import indicator, kpi_import, scorecard, scorecard_pdf
from offer.views.manage import entry_create, entry_edit, manage
from offer.views.printed import booklet, printable
from offer.views.public import entry, index, you_said_we_did

__all__ = [
    "booklet",
    "entry",
    "entry_create",
    "entry_edit",
    "feedback",
    "feedback_list",
    "feedback_moderate",
    "index",
    "indicator",
    "kpi_import",
    "manage",
    "missing",
    "printable",
    "scorecard",
    "scorecard_pdf",
    "you_said_we_did",
]
