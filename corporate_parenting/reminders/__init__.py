"""Reminders and alerts: an outbox of e-mails in PostgreSQL, each sent exactly once.

models.py      the outbox (Reminder), people's opt-outs, public alert subscriptions
kinds.py       every kind of e-mail: who may turn it off, which templates render it
services.py    every write: creating outbox rows, preferences, subscriptions, resending
dispatch.py    claiming due rows and sending them; retries with backoff
tasks.py       the Celery tasks beat and the dispatcher queue (ids only, safe to run twice)
planning.py    the daily run that asks each app what is due (<app>/reminders.py)
"""
