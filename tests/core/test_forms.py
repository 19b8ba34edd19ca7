"""crispy-forms-gds renders our forms as GOV.UK Frontend markup with our pins."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_form_renders_govuk_markup_with_error_summary_linked_to_fields():
    response = Client().post(reverse("password_reset"), {"email": "not-an-address"})
    text = response.text
    assert response.status_code == 200
    assert text.startswith("<!DOCTYPE html>")
    assert "<title>Error: Reset your password" in text
    assert 'class="govuk-error-summary"' in text
    assert 'href="#id_email"' in text
    assert "govuk-form-group--error" in text
    assert "govuk-input--error" in text
    assert "Enter an e-mail address in the correct format" in text
    assert 'value="not-an-address"' in text
