"""Residents' email subscriptions to a council's plans: double opt-in and one-click unsubscribe.

Writes for the portal's own records (the portal's services). A link in an email carries a signed token
(django.core.signing) naming the subscription and its council; nobody can make one without the
service's secret key. The same token confirms (within a week) and unsubscribes (at any time).
Opening a link only shows a button: the change is made by the POST the button sends, or by the
RFC 8058 one-click POST a mail program sends to the List-Unsubscribe address.

Nobody learns from these pages whether an address is subscribed: subscribing an address that is
already subscribed answers exactly as for a new one (the email sent differs).
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.models import Notice, Subscription

SALT = "portal.subscription"
CONFIRM_WITHIN = datetime.timedelta(days=7)


def token_for(subscription: Subscription) -> str:
    return make_token(subscription.pk, subscription.council.gss_code)


def make_token(subscription_id: int, council_code: str) -> str:
    return signing.dumps({"s": subscription_id, "c": council_code}, salt=SALT)


def read_token(token: str, *, max_age: datetime.timedelta | None = None) -> dict | None:
    """The token's {"s": subscription id, "c": council code}, or None if it is forged, garbled or too old."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int) or not isinstance(payload.get("c"), str):
        return None
    return payload


def normalise_email(email: str) -> str:
    return email.strip().lower()


def subscribe(*, council, email: str, base_url: str, at: datetime.datetime | None = None) -> Subscription:
    """Ask for emails about a council. A confirmation link is emailed (through the task worker); nothing
    else is sent until it is used. Asking again sends the link again (or, if confirmed, a reminder
    of how to unsubscribe)."""
    from portal.tasks import email_subscription_link

    email = normalise_email(email)
    with transaction.atomic():
        try:
            with transaction.atomic():
                subscription, _ = Subscription.objects.get_or_create(
                    email=email, council=council, defaults={"created_at": at or timezone.now()}
                )
        except IntegrityError:
            subscription = Subscription.objects.get(email=email, council=council)
        transaction.on_commit(lambda: email_subscription_link.enqueue(subscription.pk, base_url))
    return subscription


def confirm(*, token: str, at: datetime.datetime | None = None) -> Subscription | None:
    """Confirm the subscription a link names. None if the link is bad, too old, or the subscription is gone."""
    payload = read_token(token, max_age=CONFIRM_WITHIN)
    if payload is None:
        return None
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .select_related("council")
            .filter(pk=payload["s"], council__gss_code=payload["c"])
            .first()
        )
        if subscription is None:
            return None
        if subscription.confirmed_at is None:
            subscription.confirmed_at = at or timezone.now()
            subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe(*, token: str) -> bool | None:
    """Delete the subscription a link names (the address is not kept). True if one was deleted, False if
    there was none (already unsubscribed), None if the link is not one of ours."""
    payload = read_token(token)
    if payload is None:
        return None
    deleted, _ = Subscription.objects.filter(pk=payload["s"], council__gss_code=payload["c"]).delete()
    return deleted > 0


# --- Emails ----------------------------------------------------------------------------------------------


def _links(subscription: Subscription, base_url: str) -> dict:
    token = token_for(subscription)
    return {
        "confirm_url": base_url + reverse("portal:confirm_subscription", kwargs={"token": token}),
        "unsubscribe_url": base_url + reverse("portal:unsubscribe", kwargs={"token": token}),
        "council_url": base_url + reverse("portal:council_detail", kwargs={"code": subscription.council.gss_code}),
    }


def _unsubscribe_headers(unsubscribe_url: str) -> dict:
    # RFC 2369 and RFC 8058: mail programs may offer "unsubscribe" and POST to the address themselves.
    return {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def send_subscription_link(*, subscription_id: int, base_url: str) -> int:
    subscription = Subscription.objects.select_related("council").filter(pk=subscription_id).first()
    if subscription is None:
        return 0
    links = _links(subscription, base_url.rstrip("/"))
    context = {"subscription": subscription, "council": subscription.council, **links}
    if subscription.confirmed:
        subject = f"You already get emails about {subscription.council.name}'s plans"
        body = render_to_string("portal/email/already_subscribed.txt", context)
    else:
        subject = f"Confirm you want emails about {subscription.council.name}'s plans"
        body = render_to_string("portal/email/confirm_subscription.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers=_unsubscribe_headers(links["unsubscribe_url"]),
    )
    return message.send()


def send_publication_notices(*, publication, base_url: str, at: datetime.datetime | None = None) -> int:
    """Email each confirmed subscriber of the publishing council once about this publication."""
    from portal.selectors import confirmed_subscriptions
    from submissions.publishing import file_url

    base_url = base_url.rstrip("/")
    council = publication.council
    sent = 0
    connection = get_connection()
    for subscription in confirmed_subscriptions(council).select_related("council"):
        with transaction.atomic():
            try:
                with transaction.atomic():
                    Notice.objects.create(
                        subscription=subscription, publication=publication, sent_at=at or timezone.now()
                    )
            except IntegrityError:
                continue  # already told about this publication
            links = _links(subscription, base_url)
            context = {
                "council": council,
                "publication": publication,
                "plan_url": base_url + file_url(publication.content_hash, "html"),
                **links,
            }
            correction = " (a correction)" if publication.replaces_id else ""
            EmailMessage(
                subject=f"{council.name} has published its {publication.return_definition.title.lower()}{correction}",
                body=render_to_string("portal/email/publication_notice.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[subscription.email],
                headers=_unsubscribe_headers(links["unsubscribe_url"]),
                connection=connection,
            ).send()
        sent += 1
    return sent


def send_progress_update(*, council, subject: str, message: str, base_url: str) -> int:
    """Email every confirmed subscriber of a council a progress update (from performance monitoring, say),
    each with its own one-click unsubscribe link. Returns how many were sent."""
    from portal.selectors import confirmed_subscriptions

    base_url = base_url.rstrip("/")
    connection = get_connection()
    sent = 0
    for subscription in confirmed_subscriptions(council).select_related("council"):
        links = _links(subscription, base_url)
        body = render_to_string("portal/email/progress_update.txt", {"council": council, "message": message, **links})
        sent += EmailMessage(
            subject=f"{council.name}: {subject}",
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscription.email],
            headers=_unsubscribe_headers(links["unsubscribe_url"]),
            connection=connection,
        ).send()
    return sent
