import re
import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaign.models import Person

COUNTRY_LINE = "REPUBLIC OF BELARUS"
CHECK_EVERY = timedelta(days=90)  # an address older than this carries a warning

_LATIN = re.compile(r"[A-Za-z]")


def validate_cyrillic(value):
    """Address lines go to the Belarusian post in Cyrillic; only the country line is Latin."""
    if _LATIN.search(value):
        raise ValidationError("Write this line in Cyrillic, exactly as the post needs it (no Latin letters).")


class Facility(models.Model):
    """A prison, colony or detention centre, with its postal address as the Belarusian post needs it.

    The address is kept in Russian and, where organisers enter it, in Belarusian: an envelope is written in
    one language and script throughout, the letter's (the address follows the name's language).
    """

    name = models.CharField(max_length=200, help_text="In English, e.g. 'Penal colony No. 4, Homiel'.")
    institution = models.CharField(
        "institution (Russian)",
        max_length=200,
        validators=[validate_cyrillic],
        help_text="In Russian, e.g. 'ИК № 4' or 'СИЗО № 1'.",
    )
    street = models.CharField(
        "street or settlement (Russian)",
        max_length=200,
        validators=[validate_cyrillic],
        help_text="In Russian, e.g. 'ул. Антошкина, 3'; in a village, the settlement and number.",
    )
    district = models.CharField(
        "district and region (Russian)",
        max_length=200,
        blank=True,
        validators=[validate_cyrillic],
        help_text="Only if the post needs it (villages), e.g. 'Минский р-н, Минская обл.'.",
    )
    postcode = models.CharField(max_length=6, validators=[RegexValidator(r"^\d{6}$", "Six digits.")])
    town = models.CharField(
        "town (Russian)", max_length=200, validators=[validate_cyrillic], help_text="In Russian, e.g. 'г. Гомель'."
    )
    institution_be = models.CharField(
        "institution (Belarusian)",
        max_length=200,
        blank=True,
        validators=[validate_cyrillic],
        help_text="e.g. 'ВК № 4' or 'СІЗА № 1'. Empty: a Belarusian letter's envelope is written in Russian.",
    )
    street_be = models.CharField(
        "street or settlement (Belarusian)", max_length=200, blank=True, validators=[validate_cyrillic]
    )
    district_be = models.CharField(
        "district and region (Belarusian)", max_length=200, blank=True, validators=[validate_cyrillic]
    )
    town_be = models.CharField("town (Belarusian)", max_length=200, blank=True, validators=[validate_cyrillic])
    source = models.CharField(max_length=300, help_text="Where the address comes from.")
    source_url = models.URLField(blank=True)
    last_checked = models.DateField(help_text="The day someone last confirmed the address is current.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "facilities"

    def __str__(self):
        return self.name

    def has_language(self, language):
        """Whether the whole address is entered in `language` (be or ru)."""
        if language == "be":
            return all((self.institution_be, self.street_be, self.town_be)) and (
                bool(self.district_be) or not self.district
            )
        return language == "ru"

    def address_lines_in(self, language):
        """The facility's part of the envelope in `language`, in the Belarusian post's order: institution,
        street or settlement, district and region, postcode and town, then the country in Latin capitals."""
        suffix = "_be" if language == "be" else ""
        field = lambda name: getattr(self, name + suffix)  # noqa: E731
        lines = [field("institution"), field("street")]
        if field("district"):
            lines.append(field("district"))
        return [*lines, f"{self.postcode}, {field('town')}", COUNTRY_LINE]

    @property
    def address_lines(self):
        return self.address_lines_in("ru")

    @property
    def display_name(self):
        """The facility as the page's language names it: its institution and town in Russian or Belarusian."""
        language = get_language()
        if language == "ru" or (language == "be" and self.has_language("be")):
            suffix = "_be" if language == "be" else ""
            return f"{getattr(self, 'institution' + suffix)}, {getattr(self, 'town' + suffix)}"
        return self.name

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
        BIRTHDAY = "birthday", _("Birthday")
        HOLIDAY = "holiday", _("New Year and Christmas")
        FIRST_LETTER = "first_letter", _("First letter")
        THINKING_OF_YOU = "thinking_of_you", _("Thinking of you")
        CONGRATULATIONS = "congratulations", _("Congratulations")

    class Language(models.TextChoices):
        RU = "ru", _("Russian")
        BE = "be", _("Belarusian")
        EN = "en", _("English — only to read; letters in English are not delivered")

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

    class Category(models.TextChoices):  # in the phrasebook's order
        GREETING = "greeting", _("Greetings")
        WISHES = "wishes", _("Wishes")
        EVERYDAY = "everyday", _("Everyday life")
        NATURE = "nature", _("Nature and weather")
        BOOKS = "books", _("Books")
        CLOSING = "closing", _("Closing lines")

    category = models.CharField(max_length=20, choices=Category.choices)
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
