"""Shared helpers for the reminder tests."""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from django.core import mail


def parsed(message: object) -> Message:
    """A sent Django message as the `email` package reads it off the wire."""
    raw = message.message().as_bytes()  # type: ignore[attr-defined]  # message is an EmailMessage, typed object here
    return email.message_from_bytes(raw, policy=email.policy.default)


def parts(message: Message) -> dict[str, str]:
    """{content type: decoded text} of every text part."""
    found: dict[str, str] = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            found[part.get_content_type()] = payload.decode(part.get_content_charset() or "utf-8")
    return found


def outbox_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]
