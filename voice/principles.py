"""Naming the corporate parenting principles a record serves: one checkbox field for every form
that tags (reports, resolutions, engagements, offer entries), and the words the pages, the PDF
and the audit trail print for what was named.

The principles are the law's seven (voice.Principle, loaded by a migration), so there is nothing
to retire: any of them may be named, none of them may be made up.
"""

from __future__ import annotations

from collections.abc import Iterable

from crispy_forms_gds.layout import Field, Size
from django import forms

from corporate_parenting.forms import list_choices
from voice.models import Principle

PRINCIPLES_LABEL = "Which corporate parenting principles does this serve? (optional)"
PRINCIPLES_HELP = "Tick each that applies. The principles coverage counts them for the year."
CHOOSE_FROM_LIST = "Choose principles from the list"


class PrincipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Principle) -> str:
        return str(obj)


def principles_field(*, label: str = PRINCIPLES_LABEL) -> PrincipleChoiceField:
    """The checkboxes, labelled "(a) Best interests, health and wellbeing"..."""
    return PrincipleChoiceField(
        label=label,
        help_text=PRINCIPLES_HELP,
        required=False,
        queryset=Principle.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": CHOOSE_FROM_LIST,
            "invalid_pk_value": CHOOSE_FROM_LIST,
            "list": CHOOSE_FROM_LIST,
        },
    )


def offer_principles(form: forms.BaseForm, name: str = "principles") -> None:
    """List the seven once (the field's queryset still checks what is sent)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelMultipleChoiceField)
    list_choices(field, list(Principle.objects.all()))


def principles_checkboxes(name: str = "principles") -> Field:
    """The same compact checkboxes as the themes on the engagement form: quick on a phone."""
    return Field.checkboxes(name, small=True, legend_size=Size.SMALL)


def principles_initial(record: object) -> list[int]:
    """The ids a record names now, for a form's initial values (an unsaved record names none)."""
    if getattr(record, "pk", None) is None:
        return []
    return [p.pk for p in record.principles.all()]  # type: ignore[attr-defined]  # every tagged model has the relation


def principles_text(principles: Iterable[Principle]) -> str:
    """ "(a) Best interests, health and wellbeing; (f) Safety and stability", in the Act's order:
    what the pages, the PDF and the audit trail print."""
    return "; ".join(str(p) for p in sorted(principles, key=lambda p: p.letter))


def principles_letters(principles: Iterable[Principle]) -> list[str]:
    """The letters named, in order: what an audit trail compares before and after."""
    return sorted(p.letter for p in principles)
