"""Agenda forms: an item, its report and whether it is exempt, publishing the agenda, and
publishing late papers as a supplement."""

from typing import Any, cast

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from panels.documents import KINDS, check_report_document, report_max_bytes
from panels.models import ExemptParagraph


class AgendaItemForm(GovUKFormMixin, forms.Form):
    submit_text = "Add item"

    title = forms.CharField(
        max_length=250, error_messages={"required": "Enter the title of the item"}
    )
    presenter = forms.CharField(max_length=200, required=False, label="Presented by (optional)")
    report = forms.FileField(
        required=False,
        label="Report (optional)",
        help_text="A PDF, Word, OpenDocument, Excel or PowerPoint file.",
    )
    is_urgent = forms.BooleanField(required=False, label="This is an urgent item added on the day")
    urgency_reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="The Chair's reason for taking it as urgent",
        help_text="Needed for an urgent item: the special circumstances, printed in the minutes.",
    )
    is_exempt = forms.BooleanField(
        required=False,
        label="This item is taken in private (exempt information)",
        help_text="Its title stays public; its report and minutes are seen only by members of "
        "the body and officers.",
    )
    exempt_paragraph = forms.ChoiceField(
        required=False,
        choices=[("", "Choose a paragraph"), *ExemptParagraph.choices],
        label="Paragraph of Schedule 12A to the Local Government Act 1972",
        help_text="Needed when the item is taken in private.",
    )

    change_reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is it added after the agenda was published?",
        help_text="Members and the public who asked for alerts are told. For an urgent item, "
        "the Chair's reason is enough.",
    )

    def __init__(self, *args: object, late: bool = False, **kwargs: object) -> None:
        self.late = late
        super().__init__(*args, **kwargs)
        if not late and "change_reason" in self.fields:
            del self.fields["change_reason"]
        limit = report_max_bytes() // (1024 * 1024)
        self.fields["report"].help_text = f"{KINDS[0].upper()}{KINDS[1:]}, smaller than {limit} MB."

    def clean_report(self) -> object:
        report = self.cleaned_data.get("report")
        if report:
            check_report_document(report)
        return report

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if (
            self.late
            and not data.get("is_urgent")
            and not str(data.get("change_reason") or "").strip()
        ):
            self.add_error(
                "change_reason", "Say why the item is added after the agenda was published"
            )
        if data.get("is_urgent") and not str(data.get("urgency_reason") or "").strip():
            self.add_error(
                "urgency_reason", "Enter the Chair's reason for taking the item as urgent"
            )
        if data.get("is_exempt") and not data.get("exempt_paragraph"):
            self.add_error(
                "exempt_paragraph", "Choose the paragraph of Schedule 12A that makes it exempt"
            )
        return data

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.text("presenter"),
            Field("report"),
            *([Field.textarea("change_reason")] if self.late else []),
            Field.checkbox("is_urgent"),
            Field.textarea("urgency_reason"),
            Field.checkbox("is_exempt"),
            Field.select("exempt_paragraph"),
        )


class AgendaItemEditForm(AgendaItemForm):
    submit_text = "Save item"
    # An item is urgent when it is added, not later. None removes the parent's field (Django's
    # documented way), which the stubs do not model.
    is_urgent = None  # type: ignore[assignment]
    urgency_reason = None  # type: ignore[assignment]
    change_reason = None  # type: ignore[assignment]

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.text("presenter"),
            Field("report"),
            Field.checkbox("is_exempt"),
            Field.select("exempt_paragraph"),
        )


class PublishForm(GovUKFormMixin, forms.Form):
    submit_text = "Publish the agenda"

    short_notice_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for short notice",
        help_text="Needed only when there are fewer than five clear working days.",
    )

    def build_layout(self) -> Layout:
        return Layout(Field.textarea("short_notice_reason"))


class SupplementForm(GovUKFormMixin, forms.Form):
    """The late papers to publish as the next supplement, and why they are late. Choices are
    "report-<pk>" for a written report and "file-<pk>" for an item's uploaded report file."""

    submit_text = "Publish the supplement"

    papers = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        label="Late papers to publish",
        error_messages={
            "required": "Choose the late papers to publish",
            "invalid_choice": "Choose papers from the list",
        },
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        label="Why are these papers late?",
        help_text="The special circumstances, printed on the supplement's front sheet: the "
        "Chair is asked to agree to consider the papers for this reason.",
        error_messages={"required": "Enter why the papers are late"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.MultipleChoiceField, self.fields["papers"])
        field.choices = choices
        if not self.is_bound:
            self.initial["papers"] = [value for value, _label in choices]

    def build_layout(self) -> Layout:
        return Layout(Field.checkboxes("papers", legend_size=Size.MEDIUM), Field.textarea("reason"))
