"""Letters: who can receive one, the envelope, 'I sent a letter', kept copies and date reminders."""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from campaign.forms import normalise_email
from campaign.links import absolute_url, make_token
from campaign.mail import email_queue, outbox_erase_address
from campaign.models import KeyDate, Person, StatusChange
from campaign.profiles import Standing, anniversary_in, minsk_today, standing_of
from letters.models import (
    Facility,
    FacilityAssignment,
    KeptLetter,
    LetterReport,
    ReminderSent,
    ReminderSubscription,
)

log = logging.getLogger(__name__)

# --- who can receive a letter -----------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """A person as the letters pages see them: where they stand, current facility, letters reported."""

    standing: Standing
    letters: int
    facility: Facility | None

    @property
    def current(self) -> StatusChange | None:
        """The newest status change: its date, source and last confirmation."""
        return self.standing.current

    @property
    def stale(self):
        """Held, and unconfirmed for longer than settings.STATUS_CHECK_AFTER_DAYS."""
        return self.standing.stale

    @property
    def person(self):
        return self.standing.person

    @property
    def is_free(self):
        return self.standing.free

    @property
    def is_held(self):
        # Someone with no status history is not offered: the site cannot tell whether they are held.
        return self.standing.held

    @property
    def status_label(self):
        current = self.standing.current
        return current.get_status_display() if current else ""


def recipients():
    """Every person, in the site's order, with what the composer needs to know about them."""
    people = (
        Person.objects.with_standing()
        .annotate(letters=Count("letter_reports"))
        .prefetch_related(
            Prefetch("facility_assignments", queryset=FacilityAssignment.objects.select_related("facility"))
        )
    )
    today = minsk_today()
    return [
        Recipient(
            standing=standing_of(person, today),
            letters=person.letters,
            facility=next((a.facility for a in person.facility_assignments.all()), None),  # newest first
        )
        for person in people
    ]


def suggested_recipient(candidates):
    """The held person who most needs a letter: one with a known address first, then the fewest reported."""
    held = [r for r in candidates if r.is_held]
    return min(held, key=lambda r: (r.facility is None, r.letters), default=None)


def current_facility(person):
    assignment = person.facility_assignments.select_related("facility").first()
    return assignment.facility if assignment else None


# --- names and the envelope -------------------------------------------------------------------------


def first_name(person, language):
    """The name a template greets with, in the letter's language: the first word of the full name."""
    full = {"be": person.name_be, "ru": person.name_ru}.get(language) or person.name_latin
    return full.split()[0] if full.strip() else ""


def envelope_language(letter_language):
    """An envelope is in one language and script: the letter's, or Russian for an English draft."""
    return letter_language if letter_language in ("be", "ru") else "ru"


def postal_name(person, language="ru"):
    """The name line of the envelope: legal name in the dative, as the post office and the prison register
    have it, with a line to write the patronymic by hand when no source gives it (none is invented)."""
    name = person.postal_name(language)
    if not person.patronymic_sourced:
        name = f"{name} {PATRONYMIC_LINE}"
    return name


PATRONYMIC_LINE = "_" * 14  # the patronymic, written by hand from Viasna's database


@dataclass(frozen=True)
class Envelope:
    language: str  # be or ru: the whole envelope is in it
    lines: list[str]  # name, institution, street or settlement, district and region, postcode and town, country


def envelope_for(person, facility, letter_language="ru"):
    """The recipient block of the envelope in one language, or None while no current address is known:
    then the page says so and where to find it, rather than printing an envelope with blank lines.

    A Belarusian letter gets a Belarusian envelope when the facility's Belarusian address and the
    Belarusian postal name are entered; otherwise the whole envelope is Russian, so the script never
    changes halfway down.
    """
    if facility is None:
        return None
    language = envelope_language(letter_language)
    if language == "be" and not (facility.has_language("be") and person.postal_name_be):
        language = "ru"
    return Envelope(language, [postal_name(person, language), *facility.address_lines_in(language)])


def envelope_lines(person, facility, letter_language="ru"):
    envelope = envelope_for(person, facility, letter_language)
    return envelope.lines if envelope else None


def sender_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- 'I sent a letter' ------------------------------------------------------------------------------


def letter_report(*, person):
    report = LetterReport.objects.create(person=person)
    log.info("letter to person %s reported", person.pk)
    return report


# --- kept copies ------------------------------------------------------------------------------------


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def kept_letter_create(*, person, body):
    """Keep a copy; return the secret token. Only its hash is stored, so the link cannot be recovered."""
    token = secrets.token_urlsafe(24)
    kept = KeptLetter.objects.create(token_hash=_token_hash(token), person=person, body=body)
    log.info("kept letter %s created", kept.pk)
    return token


def kept_letter_get(*, token):
    return KeptLetter.objects.select_related("person").filter(token_hash=_token_hash(token)).first()


def kept_letter_delete(*, token):
    return KeptLetter.objects.filter(token_hash=_token_hash(token)).delete()[0] > 0


# --- reminders --------------------------------------------------------------------------------------

REMINDER_CONFIRM_SALT = "letters.reminders.confirm"
REMINDER_UNSUBSCRIBE_SALT = "letters.reminders.unsubscribe"
REMINDER_LEAD_DAYS = 7  # remind this many days before a date (and, if a run was missed, up to the day before)


@dataclass(frozen=True)
class Occasion:
    """A day to remind of. Its words are read when the email is rendered, in the subscriber's language."""

    date: date
    key_date: KeyDate | None = None
    person: Person | None = None  # a held person's birthday

    @property
    def title(self):
        if self.key_date is not None:
            return self.key_date.title  # the active language's, or English while it has none
        return gettext("Birthday of %(name)s") % {"name": self.person.display_name}

    @property
    def text(self):
        return self.key_date.text if self.key_date is not None else ""


def occasions_between(first, last):
    """The key dates (as organisers keep them in the admin, per language) and held people's birthdays
    from `first` to `last`."""
    dated = [(d.month, d.day, {"key_date": d}) for d in KeyDate.objects.all()]
    dated += [
        (r.person.birth_date.month, r.person.birth_date.day, {"person": r.person})
        for r in recipients()
        if r.is_held and r.person.birth_date
    ]
    found = []
    for year in range(first.year, last.year + 1):
        for month, day, what in dated:
            when = anniversary_in(year, month, day)
            if first <= when <= last:
                found.append(Occasion(when, **what))
    return sorted(found, key=lambda o: (o.date, o.person is not None, o.title))


def reminder_subscribe(*, email, language):
    """Ask for a reminder; a pending address gets its confirmation again, a confirmed one nothing new.

    The caller shows the same page whatever happened, so the form tells nobody who has subscribed.
    """
    email_key = normalise_email(email)
    with transaction.atomic():
        subscription = ReminderSubscription.objects.filter(email_key=email_key).first()
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = ReminderSubscription.objects.create(
                        email=email, email_key=email_key, language=language
                    )
            except IntegrityError:  # the same address in a concurrent request
                return ReminderSubscription.objects.get(email_key=email_key)
            log.info("reminder subscription %s created", subscription.pk)
        if subscription.status == ReminderSubscription.Status.PENDING:
            _queue_reminder_email(subscription, "letters-reminders-confirm")
        return subscription


def reminder_confirm(*, subscription_id):
    """Confirm once (a conditional UPDATE). Returns the subscription, or None if it is gone."""
    ReminderSubscription.objects.filter(pk=subscription_id, status=ReminderSubscription.Status.PENDING).update(
        status=ReminderSubscription.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    return ReminderSubscription.objects.filter(pk=subscription_id).first()


def reminder_unsubscribe(*, subscription_id):
    """Erase the subscription and the mail sent to it. Returns False if it was already gone."""
    with transaction.atomic():
        subscription = ReminderSubscription.objects.select_for_update().filter(pk=subscription_id).first()
        if subscription is None:
            return False
        outbox_erase_address(subscription.email)
        subscription.delete()
        log.info("reminder subscription %s erased", subscription_id)
        return True


def reminders_send(*, today=None):
    """Queue a reminder to each confirmed subscriber for each date in the coming week not yet reminded of.

    Safe to run twice, or at once in two workers: a ReminderSent row, unique per (subscription, date),
    is written in the same transaction as the outbox row, so a second run finds the date done.
    Also erases subscriptions never confirmed within the confirmation link's lifetime.
    """
    today = today or timezone.localdate()
    stale = timezone.now() - timedelta(seconds=settings.CONFIRMATION_MAX_AGE)
    ReminderSubscription.objects.filter(status=ReminderSubscription.Status.PENDING, created_at__lt=stale).delete()

    by_date = {}
    for occasion in occasions_between(today + timedelta(days=1), today + timedelta(days=REMINDER_LEAD_DAYS)):
        by_date.setdefault(occasion.date, []).append(occasion)
    queued = 0
    confirmed = ReminderSubscription.objects.filter(status=ReminderSubscription.Status.CONFIRMED)
    for when, occasions in sorted(by_date.items()):
        for subscription in confirmed.exclude(sent__date=when).iterator():
            queued += _send_reminder(subscription, when, occasions, today)
    return queued


def _send_reminder(subscription, when, occasions, today):
    try:
        with transaction.atomic():
            ReminderSent.objects.create(subscription=subscription, date=when)
            _queue_reminder_email(
                subscription,
                "letters-reminder",
                {"date": when, "days": (when - today).days, "occasions": occasions},
            )
    except IntegrityError:  # another run got there first
        return 0
    return 1


def _queue_reminder_email(subscription, template, extra=None):
    with translation.override(subscription.language):
        confirm = make_token(subscription, salt=REMINDER_CONFIRM_SALT)
        unsubscribe = make_token(subscription, salt=REMINDER_UNSUBSCRIBE_SALT)
        context = {
            "confirm_url": absolute_url(reverse("letters:reminders_confirm", args=[confirm])),
            "unsubscribe_url": absolute_url(reverse("letters:reminders_unsubscribe", args=[unsubscribe])),
            "compose_url": absolute_url(reverse("letters:compose")),
            "guide_url": absolute_url(reverse("letters:guide")),
            "max_age_days": settings.CONFIRMATION_MAX_AGE // 86400,
            **(extra or {}),
        }
        email_queue(to=subscription.email, template=template, context=context)
