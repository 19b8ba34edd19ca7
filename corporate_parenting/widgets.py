"""Widgets that write Django's own markup in Python, for long lists of options."""

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import BaseRenderer
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # the template engine's own; django-stubs leave it out


def cell_html(value: object) -> SafeString:
    """A cell's value as `{{ cell }}` writes it: local time, localised, escaped."""
    if not isinstance(value, str):
        value = str(localize(template_localtime(value)))
    return conditional_escape(value)


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


def select_like(widget: forms.Select) -> Select:
    """A Select in the place of Django's: the same attributes, choices and required state."""
    replacement = Select(attrs=widget.attrs, choices=widget.choices)
    replacement.is_required = widget.is_required
    replacement.is_localized = widget.is_localized
    return replacement


class ListedChoiceIterator(ModelChoiceIterator):
    """ModelChoiceIterator reading a drop-down's rows in one ordinary query. Django's reads them
    through a server-side cursor (declare, fetch, close: three round trips and a cursor the
    database keeps), meant for long lists; a form's few dozen options come quicker in one.
    ModelChoiceField.iterator is Django's documented hook for this."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.queryset.all():
            yield self.choice(row)


def list_model_choices(field: forms.ModelChoiceField) -> None:
    """The field's options read by ListedChoiceIterator, now and whenever its queryset changes."""
    if field.iterator is ModelChoiceIterator:
        field.iterator = ListedChoiceIterator
        if not hasattr(field, "_choices"):  # choices set by hand are kept
            field.widget.choices = field.choices
