from django.apps import AppConfig


class HistoryConfig(AppConfig):
    """The row-by-row history of governance records, kept by PostgreSQL triggers (django-pghistory)."""

    name = "corporate_parenting.history"
    label = "history"
    verbose_name = "History of governance records"
