"""Pieces every champions form uses: the no-names reminder, date inputs, year choices and a
quick select for long lists."""

from __future__ import annotations

from crispy_forms_gds.layout import HTML
from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from corporate_parenting.years import current_political_year

NO_NAMES = HTML(
    '<div class="govuk-inset-text">Do not record names or details that identify a child or '
    "young person.</div>"
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, like 27 3 2025",
        },
    )


def model_choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A form's model choice field, typed as one (form.fields holds plain Fields)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


def choice(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def year_choices() -> list[tuple[int, str]]:
    current = current_political_year()
    years = [current.previous(), current, current.next()]
    return [(y.start_year, y.label) for y in years]


class QuickSelect(forms.Select):
    """A select that writes its options in Python rather than through one template per option:
    the same HTML (option groups included), several times faster for long lists."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts: list[str] = [
            format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            # Escaped as format_html would, without its cost for each of many options.
            parts.extend(
                '<option value="{}"{}>{}</option>'.format(
                    conditional_escape("" if option["value"] is None else option["value"]),
                    " selected" if option["selected"] else "",
                    conditional_escape(option["label"]),
                )
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
