import re
import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from campaign.models import Person
from letters.content import PHRASE_CATEGORIES

COUNTRY_LINE = "REPUBLIC OF BELARUS"
CHECK_EVERY = timedelta(days=90)  # an address older than this carries a warning

_LATIN = re.compile(r"[A-Za-z]")


def validate_cyrillic(value):
    """Address lines go to the Belarusian post in Cyrillic; only the country line is Latin."""
    if _LATIN.search(value):
        raise ValidationError("Write this line in Cyrillic, exactly as the post needs it (no Latin letters).")


class Facility(models.Model):
    """A prison, colony or detention centre, with its postal address as the Belarusian post needs it."""

    name = models.CharField(max_length=200, help_text="For organisers and the site, e.g. 'Penal colony No. 4, Homiel'.")
    institution = models.CharField(
        max_length=200, validators=[validate_cyrillic], help_text="In Cyrillic, e.g. 'ИК №4' or 'СИЗО №1'."
    )
    street = models.CharField(
        max_length=200,
        validators=[validate_cyrillic],
        help_text="In Cyrillic, e.g. 'ул. Антошкина, 3'.",
    )
    postcode = models.CharField(max_length=6, validators=[RegexValidator(r"^\d{6}$", "Six digits.")])
    town = models.CharField(max_length=200, validators=[validate_cyrillic], help_text="In Cyrillic, e.g. 'г. Гомель'.")
    district = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_cyrillic],
        help_text="Only if the post needs it (villages), e.g. 'Минский р-н, Минская обл.'.",
    )
    source = models.CharField(max_length=300, help_text="Where the address comes from.")
    source_url = models.URLField(blank=True)
    last_checked = models.DateField(help_text="The day someone last confirmed the address is current.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "facilities"

    def __str__(self):
        return self.name

    @property
    def address_lines(self):
        """The facility's part of the envelope, in the order the guides give, ending with the country."""
        lines = [self.institution, self.street, f"{self.postcode}, {self.town}"]
        if self.district:
            lines.append(self.district)
        return [*lines, COUNTRY_LINE]

    def check_overdue(self, today=None):
        return (today or timezone.localdate()) - self.last_checked > CHECK_EVERY


class FacilityAssignment(models.Model):
    """Where a person is held from a date on. The newest is the current one; moving adds a row."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="facility_assignments")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="assignments")
    since = models.DateField()
    source = models.CharField(max_length=300)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-since", "-recorded_at"]
        get_latest_by = ["since", "recorded_at"]

    def __str__(self):
        return f"{self.person} at {self.facility} since {self.since}"


class LetterTemplate(models.Model):
    """A starting text. '{name}' in the body becomes the recipient's first name."""

    class Kind(models.TextChoices):
        BIRTHDAY = "birthday", "Birthday"
        HOLIDAY = "holiday", "New Year and Christmas"
        FIRST_LETTER = "first_letter", "First letter"
        THINKING_OF_YOU = "thinking_of_you", "Thinking of you"
        CONGRATULATIONS = "congratulations", "Congratulations"

    class Language(models.TextChoices):
        BE = "be", "Belarusian"
        RU = "ru", "Russian"
        EN = "en", "English (to understand; not delivered)"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    language = models.CharField(max_length=2, choices=Language.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="'{name}' becomes the recipient's first name; '…' marks a gap to fill.")
    is_active = models.BooleanField("shown", default=True, help_text="Untick to hide instead of deleting.")

    class Meta:
        ordering = ["kind", "language"]
        constraints = [models.UniqueConstraint(fields=["kind", "language"], name="letters_template_kind_language")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self):
        try:
            self.body.format(name="")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValidationError({"body": "Only '{name}' may stand in braces."}) from exc

    def render(self, *, name):
        return self.body.format(name=name)


class Phrase(models.Model):
    """A safe sentence from the phrasebook, in Belarusian and Russian, with its English meaning."""

    category = models.CharField(
        max_length=20, choices=[(c, c.replace("_", " ").capitalize()) for c in PHRASE_CATEGORIES]
    )
    text_be = models.CharField("Belarusian", max_length=300)
    text_ru = models.CharField("Russian", max_length=300)
    text_en = models.CharField("English meaning", max_length=300)
    sort_order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField("shown", default=True, help_text="Untick to hide instead of deleting.")
    seed_key = models.CharField(max_length=80, blank=True, editable=False)

    class Meta:
        ordering = ["category", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["seed_key"], condition=~models.Q(seed_key=""), name="letters_phrase_seed_key"
            )
        ]

    def __str__(self):
        return self.text_en

    def text(self, language):
        return getattr(self, f"text_{language}")


class LetterReport(models.Model):
    """'I sent a letter': one row per report, nothing about who reported it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="letter_reports")
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["person", "reported_at"])]

    def __str__(self):
        return f"letter to {self.person} reported {self.reported_at:%Y-%m-%d}"


class KeptLetter(models.Model):
    """A copy kept at the writer's request, for the day of release. Found only by its secret link."""

    MAX_CHARS = 6000  # well past the censor check's one page; and a Cyrillic form post stays under 64 KB

    token_hash = models.CharField(max_length=64, unique=True)
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(max_length=MAX_CHARS)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"kept letter #{self.pk}"


class ReminderSubscription(models.Model):
    """An address that asked for a reminder before the key dates; confirmed by double opt-in."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"

    # What emailed links carry, as for signatures: random, no address, no sequential id.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(max_length=254)
    email_key = models.CharField(max_length=254, unique=True)
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"reminder subscription #{self.pk} ({self.status})"


class ReminderSent(models.Model):
    """One reminder for one date to one subscriber: the unique constraint makes sending idempotent."""

    subscription = models.ForeignKey(ReminderSubscription, on_delete=models.CASCADE, related_name="sent")
    date = models.DateField(help_text="The day reminded of.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "date"], name="letters_reminder_once")]

    def __str__(self):
        return f"reminder for {self.date} to subscription #{self.subscription_id}"
