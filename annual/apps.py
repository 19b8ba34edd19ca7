from django.apps import AppConfig


class AnnualConfig(AppConfig):
    name = "annual"
    verbose_name = "Annual report"
