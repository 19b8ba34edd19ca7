"""The filter form above a list: GOV.UK styles by crispy-forms-gds, sent by GET."""

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms

from corporate_parenting.widgets import Select, select_like


class PortalFilterSet(django_filters.FilterSet):
    """A filter form rendered with GOV.UK styles, sent by GET, keeping what was chosen; its
    drop-downs write their options in Python (Select, below), the same markup."""

    @property
    def form(self):
        form = super().form
        if not hasattr(form, "helper"):
            helper = FormHelper()
            helper.form_method = "get"
            helper.form_tag = True
            helper.add_input(Submit("", "Apply filters", css_class="govuk-button--secondary"))
            form.helper = helper
            for field in form.fields.values():
                _govuk_drop_down(field)
        return form


def _govuk_drop_down(field: forms.Field) -> None:
    """A drop-down of this form (its own copy: Form deep-copies its fields) as Select, or, for
    another kind (django-filter's BooleanWidget), with the class crispy-forms-gds would give it."""
    widget = field.widget
    if type(widget) is forms.Select:
        field.widget = select_like(widget)
    elif isinstance(widget, forms.Select) and not isinstance(
        widget, (Select, forms.SelectMultiple)
    ):
        classes = widget.attrs.get("class", "").split()
        if "govuk-select" not in classes:
            widget.attrs["class"] = " ".join([*classes, "govuk-select"])
