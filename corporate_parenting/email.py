"""One small function a message: subject, text and HTML from templates/emails/<name>_*.

Every message comes from the council by name ("Anytown Council <corporate-parenting@...>") and
has a plain-text and an HTML part.
"""

from collections.abc import Mapping, Sequence
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from corporate_parenting.models import SiteSettings


def council_sender(branding: SiteSettings | None = None) -> str:
    """The council's name with the portal's address, as the sender people see."""
    branding = branding or SiteSettings.load()
    return formataddr((branding.council_name, settings.DEFAULT_FROM_EMAIL))


def build_templated_email(
    *,
    to: Sequence[str],
    template: str,
    context: Mapping[str, object],
    headers: Mapping[str, str] | None = None,
) -> EmailMultiAlternatives:
    branding = SiteSettings.load()
    full_context = {"branding": branding, **context}
    subject = render_to_string(f"emails/{template}_subject.txt", full_context).strip()
    text = render_to_string(f"emails/{template}.txt", full_context)
    html = render_to_string(f"emails/{template}.html", full_context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.splitlines()),
        body=text,
        from_email=council_sender(branding),
        to=list(to),
        headers=dict(headers or {}),
    )
    message.attach_alternative(html, "text/html")
    return message


def send_templated_email(*, to: Sequence[str], template: str, context: dict[str, object]) -> None:
    build_templated_email(to=to, template=template, context=context).send()
