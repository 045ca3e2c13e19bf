"""'Your data': everything the site keeps about an email address, across the petitions and the
letters, shown to whoever holds the address. The site-level page that composes both apps (like the
home page and the dashboard).

The form answers the same, and as quickly, whether or not the address is known: the look-up and the
email run in the background. The link carries only a random public id, and expires.
"""

from celery import shared_task
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from campaign.forms import normalise_email
from campaign.links import absolute_url, make_token, read_token
from campaign.mail import email_queue
from campaign.models import OutgoingEmail
from letters.models import ReminderSubscription
from letters.services import REMINDER_UNSUBSCRIBE_SALT
from petitions.models import Signature
from petitions.services import withdraw_token

DATA_SALT = "petitions.your-data"
DATA_REMINDERS_SALT = "petitions.your-data.reminders"  # for an address that only asked for reminders

# The page names each email sent to the address in the reader's language.
EMAIL_KIND_LABELS = {
    "confirm-signature": gettext_lazy("Confirmation link"),
    "already-signed": gettext_lazy("Note that you had already signed"),
    "thank-you": gettext_lazy("Thank you for confirming"),
    "your-data": gettext_lazy("Link to your data"),
    "letters-reminders-confirm": gettext_lazy("Confirmation link for reminders"),
    "letters-reminder": gettext_lazy("Reminder before a key date"),
    "update": gettext_lazy("News about the petition"),
}


@shared_task(ignore_result=True)
def send_data_link(email):
    data_link_send(email=email)


def data_link_send(*, email):
    """Email a link to everything kept about an address, if anything is. Returns whether it did."""
    email_key = normalise_email(email)
    record = Signature.objects.filter(email_key=email_key).order_by("created_at").first()
    salt = DATA_SALT
    if record is None:
        record = ReminderSubscription.objects.filter(email_key=email_key).first()
        salt = DATA_REMINDERS_SALT
    if record is None:
        return False
    with transaction.atomic(), translation.override(record.language):
        context = {
            "data_url": absolute_url(reverse("your_data", args=[make_token(record, salt=salt)])),
            "max_age_hours": settings.DATA_LINK_MAX_AGE // 3600,
        }
        email_queue(to=record.email, template="your-data", context=context)
    return True


def read_data_token(token):
    """The normalised address a 'your data' link is for, or None if its record is gone.

    Raises signing.BadSignature (or SignatureExpired)."""
    for salt, model in ((DATA_SALT, Signature), (DATA_REMINDERS_SALT, ReminderSubscription)):
        try:
            public_id = read_token(token, salt=salt, max_age=settings.DATA_LINK_MAX_AGE)
        except signing.SignatureExpired:
            raise
        except signing.BadSignature:
            continue
        return model.objects.filter(public_id=public_id).values_list("email_key", flat=True).first()
    raise signing.BadSignature("not a 'your data' link")


def data_kept(email_key):
    """The signatures, reminder subscriptions and emails of an address, each with its own way out."""
    signatures = list(Signature.objects.filter(email_key=email_key).select_related("petition").order_by("created_at"))
    for signature in signatures:
        signature.withdraw_token = withdraw_token(signature)
    subscriptions = list(ReminderSubscription.objects.filter(email_key=email_key))
    for subscription in subscriptions:
        subscription.unsubscribe_token = make_token(subscription, salt=REMINDER_UNSUBSCRIBE_SALT)
    addresses = {s.email for s in signatures} | {s.email for s in subscriptions}
    emails = list(
        OutgoingEmail.objects.filter(to__in=addresses).only("kind", "status", "created_at").order_by("created_at")
    )
    for email in emails:
        email.kind_label = EMAIL_KIND_LABELS.get(email.kind, email.kind)
    return {"signatures": signatures, "subscriptions": subscriptions, "emails": emails}
