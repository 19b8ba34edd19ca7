"""The synonyms list officers keep for the search."""

from django import forms

from corporate_parenting.forms import GovUKFormMixin
from offer.search import words_of


class SynonymForm(GovUKFormMixin, forms.Form):
    submit_text = "Save"
    term = forms.CharField(
        label="What young people type",
        help_text="A word or two-word phrase, for example ‘skint’ or ‘social worker’.",
        max_length=60,
        error_messages={
            "required": "Enter what young people type",
            "max_length": "Use 60 characters or fewer",
        },
    )
    words = forms.CharField(
        label="Words the offer uses for it",
        help_text="Separate them with commas, for example ‘money, allowance’.",
        max_length=200,
        error_messages={
            "required": "Enter the words the offer uses",
            "max_length": "Use 200 characters or fewer",
        },
    )

    def clean_term(self) -> str:
        words = words_of(self.cleaned_data["term"])
        if not words:
            raise forms.ValidationError("Enter a word made of letters or numbers")
        if len(words) > 3:
            raise forms.ValidationError("Use a word or a phrase of two or three words")
        return " ".join(words)

    def clean_words(self) -> str:
        phrases = [" ".join(words_of(part)) for part in self.cleaned_data["words"].split(",")]
        phrases = [phrase for phrase in phrases if phrase]
        if not phrases:
            raise forms.ValidationError("Enter at least one word made of letters or numbers")
        return ", ".join(dict.fromkeys(phrases))
