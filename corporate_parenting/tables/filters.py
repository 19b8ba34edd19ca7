"""The filter form above a list: GOV.UK styles by crispy-forms-gds, sent by GET."""

from typing import Any

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.forms.renderers import BaseRenderer
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

from corporate_parenting.tables.rows import cell_html


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """A widget's attributes as django/forms/widgets/attrs.html writes them."""
    return SafeString(
        "".join(
            f" {conditional_escape(name)}"
            + ("" if value is True else f'="{cell_html(_formatted(value))}"')
            for name, value in attrs.items()
            if value is not False
        )
    )


def _formatted(value: object) -> str:
    """`value|stringformat:'s'`: the text, still safe if the value was."""
    text = "%s" % (value,)  # noqa: UP031  # the filter's own formatting
    return mark_safe(text) if isinstance(value, SafeData) else text  # noqa: S308  # was safe


class Select(forms.Select):
    """forms.Select writing Django's own markup in Python: its templates include a template for
    every option and another for each one's attributes, most of a long filter form's time.
    Named Select because crispy-forms-gds gives a widget its GOV.UK classes (govuk-select, and
    govuk-input--error on an error) by its class's name."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts: list[str] = [
            format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    _formatted(option["value"]),
                    _attributes(option["attrs"]),
                    cell_html(option["label"]),
                )
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return SafeString("".join(parts))


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
                _govuk_drop_down(field.widget)
        return form


def _govuk_drop_down(widget: forms.Widget) -> None:
    """A drop-down of this form (its own copy: Form deep-copies its fields) as Select, or, for
    another kind (django-filter's BooleanWidget), with the class crispy-forms-gds would give it."""
    if type(widget) is forms.Select:
        widget.__class__ = Select
    elif isinstance(widget, forms.Select) and not isinstance(
        widget, (Select, forms.SelectMultiple)
    ):
        classes = widget.attrs.get("class", "").split()
        if "govuk-select" not in classes:
            widget.attrs["class"] = " ".join([*classes, "govuk-select"])
