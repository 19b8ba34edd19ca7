"""One small function a message: subject, text and HTML from templates/emails/<name>_*."""

from collections.abc import Sequence

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from corporate_parenting.models import SiteSettings


def send_templated_email(*, to: Sequence[str], template: str, context: dict[str, object]) -> None:
    full_context = {"branding": SiteSettings.load(), **context}
    subject = render_to_string(f"emails/{template}_subject.txt", full_context).strip()
    text = render_to_string(f"emails/{template}.txt", full_context)
    html = render_to_string(f"emails/{template}.html", full_context)
    message = EmailMultiAlternatives(subject=" ".join(subject.splitlines()), body=text, to=list(to))
    message.attach_alternative(html, "text/html")
    message.send()
