"""Sending an email in plain text and HTML, from one template pair (`<template>.txt` and `.html`).

Sent through Django's email backend: the console by default, SMTP when EMAIL_BACKEND says so
(config/settings.py reads EMAIL_HOST, EMAIL_PORT and the rest from the environment).
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_email(*, subject: str, template: str, context: dict, to: list[str], cc: Sequence[str] = ()) -> None:
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        cc=list(cc),
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
