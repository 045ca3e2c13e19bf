from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """The outbox: every email is a row written in the same transaction as what caused it.

    A Celery task claims the row (queued -> inflight), sends it, and marks it sent or failed; a
    periodic sweep re-queues rows whose task was lost (broker down, worker killed).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        INFLIGHT = "inflight", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=50)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # Extra headers, e.g. List-Unsubscribe on the updates to supporters.
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"


class RateLimitCounter(models.Model):
    """A rate-limit window counted in the database while the cache (Redis) is down. The key is hashed."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


class DatePrecision(models.TextChoices):
    """How much of a date the sources give: 1 May 2023 stored for 'May 2023' is shown as 'May 2023'."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class PersonQuerySet(models.QuerySet):
    def with_standing(self):
        """What `campaign.profiles.standing_of` reads: the status history, newest first."""
        return self.prefetch_related("status_changes")


class Person(models.Model):
    """Someone the campaign stands for. The day count is computed from the status history."""

    slug = models.SlugField(max_length=80, unique=True)
    name_latin = models.CharField("name (Latin script)", max_length=200)
    name_be = models.CharField("name (Belarusian)", max_length=200, help_text="Full, with patronymic.")
    name_ru = models.CharField(
        "name (Russian)", max_length=200, help_text="Full, with patronymic, as a postal address needs."
    )
    short_name_be = models.CharField(
        "short name (Belarusian)", max_length=200, blank=True, help_text="As people know them, e.g. Алесь Бяляцкі."
    )
    short_name_ru = models.CharField("short name (Russian)", max_length=200, blank=True)
    photo = models.ImageField(
        upload_to="people/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text="Resized to at most 800×1000 pixels on upload. Only photos the campaign may publish.",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_credit = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True, help_text="One paragraph.")
    biography = models.TextField(blank=True, help_text="Blank lines separate paragraphs.")
    birth_date = models.DateField(null=True, blank=True)
    detention_start = models.DateField(
        null=True, blank=True, help_text="The first day of the current (or last) detention."
    )

    class Group(models.TextChoices):
        """Under which heading the home page lists a person: what their sources call them, not one label for all."""

        VIASNA = "viasna", _("Ales Bialiatski's colleagues at Viasna")
        DEFENDERS = "defenders", _("Other human rights defenders")

    group = models.CharField(
        max_length=10,
        choices=Group.choices,
        default=Group.VIASNA,
        help_text="As the sources describe them: Nasta Loika, for one, is a human rights defender, not Viasna staff.",
    )
    # What letters need (the post office and the prison register go by the legal name; the interface says
    # 'Write to …' in the dative). Entered by organisers per language; left empty, the page falls back to a
    # wording that needs no case form, and the envelope to the person's full name.
    name_dative_be = models.CharField(
        "name in the dative (Belarusian)", max_length=200, blank=True, help_text="For 'Write to …': Марфе Рабковай."
    )
    name_dative_ru = models.CharField(
        "name in the dative (Russian)", max_length=200, blank=True, help_text="For 'Write to …': Марфе Рабковой."
    )
    postal_name_be = models.CharField(
        "legal name for the envelope, dative (Belarusian)",
        max_length=200,
        blank=True,
        help_text="Surname, legal first name and patronymic in the dative: Рабковай Марыі. "
        "Leave the patronymic out unless a source gives it.",
    )
    postal_name_ru = models.CharField(
        "legal name for the envelope, dative (Russian)",
        max_length=200,
        blank=True,
        help_text="Surname, legal first name and patronymic in the dative: Рабковой Марии.",
    )
    patronymic_source = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the patronymic in the envelope names comes from. Empty: the patronymic is not sourced, "
        "so the envelope leaves a line to write it by hand and the page says so.",
    )
    featured = models.BooleanField(
        default=False,
        help_text="Shown on the home page; one person at a time. To move it, use the list's 'Feature' action.",
    )
    sort_order = models.PositiveSmallIntegerField(default=100)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name_latin"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["featured"],
                condition=Q(featured=True),
                name="one_featured_person",
                violation_error_message="Only one person can be featured: untick the one featured now first.",
            ),
        ]

    def __str__(self):
        return self.name_latin

    def get_absolute_url(self):
        return reverse("person_detail", args=[self.slug])

    @property
    def display_name(self):
        """The name in the page's script: 'Алесь Бяляцкі' on a Belarusian page, 'Ales Bialiatski' in English."""
        language = get_language()
        if language == "be":
            return self.short_name_be or self.name_be or self.name_latin
        if language == "ru":
            return self.short_name_ru or self.name_ru or self.name_latin
        return self.name_latin

    @property
    def name_dative(self):
        """'Марфе Рабковай' for 'Write to …' in the page's language; '' when organisers have not entered it
        (English needs no case form: there it is the display name)."""
        language = get_language()
        if language in ("be", "ru"):
            return getattr(self, f"name_dative_{language}")
        return self.name_latin

    def postal_name(self, language):
        """The legal name in the dative for an envelope in `language` (be or ru), or the full name."""
        if language not in ("be", "ru"):
            language = "ru"
        return getattr(self, f"postal_name_{language}") or getattr(self, f"name_{language}")

    @property
    def patronymic_sourced(self):
        return bool(self.patronymic_source)

    @property
    def initials(self):
        return "".join(word[0] for word in self.name_latin.split()[:2]).upper()


class StatusChange(models.Model):
    """One entry in a person's status history; the newest one is the current status."""

    class Status(models.TextChoices):
        DETAINED = "detained", _("Detained")
        PRE_TRIAL = "pre_trial", _("In pre-trial detention")
        SENTENCED = "sentenced", _("Sentenced")
        PENAL_COLONY = "penal_colony", _("In a penal colony")
        CELL_TYPE_ROOM = "cell_type_room", _("In a cell-type room")
        INCOMMUNICADO = "incommunicado", _("Held incommunicado")
        # For someone a source reports as in prison on a date, when the dates of the arrest and the verdict
        # are not in the sources: the status then begins on the date of that report.
        IN_PRISON = "in_prison", _("In prison")
        RELEASED = "released", _("Released")
        DEPORTED = "deported", _("Deported")

    FREE = {Status.RELEASED, Status.DEPORTED}

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=20, choices=Status.choices)
    date = models.DateField()
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    # The claim's age: the newest day a source confirmed this status, and which source. Empty until someone
    # confirms it (the status's own date and source stand until then); moved on by
    # campaign.services.status_confirm, which keeps every confirmation in StatusConfirmation. Kept here so
    # every page reads it with the status, without another query.
    confirmed_on = models.DateField(null=True, blank=True, editable=False)
    confirmed_source = models.CharField(max_length=300, blank=True, editable=False)
    confirmed_source_url = models.URLField(max_length=500, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-recorded_at", "-id"]
        get_latest_by = ["date", "recorded_at", "id"]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()} ({self.date})"

    @property
    def is_free(self):
        return self.status in self.FREE

    @property
    def as_of(self):
        """The newest day a source confirmed this status: the status's own date until someone confirms it."""
        return self.confirmed_on or self.date

    @property
    def as_of_source(self):
        return self.confirmed_source or self.source

    @property
    def as_of_source_url(self):
        return self.confirmed_source_url if self.confirmed_source else self.source_url

    def age_in_days(self, today):
        return (today - self.as_of).days


class StatusConfirmation(models.Model):
    """An organiser checked a person's current status against a source on a day: who, when and where from.

    Written only by campaign.services.status_confirm; nobody edits it afterwards (the audit trail).
    """

    status_change = models.ForeignKey(StatusChange, on_delete=models.CASCADE, related_name="confirmations")
    confirmed_on = models.DateField(help_text="The day the source says this status was still true.")
    source = models.CharField(max_length=300)
    source_url = models.URLField(max_length=500, blank=True)
    recorded_by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confirmed_on", "-recorded_at", "-id"]

    def __str__(self):
        return f"{self.status_change.person}: confirmed as of {self.confirmed_on} ({self.source})"


class TimelineEvent(models.Model):
    Precision = DatePrecision

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="timeline_events")
    date = models.DateField(help_text="For a month or a year, the first day of it.")
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.date}: {self.title}"


class Award(models.Model):
    """A prize, or an honour such as an honorary citizenship."""

    class Kind(models.TextChoices):
        PRIZE = "prize", "Prize or award"
        HONOUR = "honour", "Honour"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="awards")
    kind = models.CharField(max_length=6, choices=Kind.choices, default=Kind.PRIZE)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    name = models.CharField(max_length=200)
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "year", "id"]

    def __str__(self):
        return f"{self.name} ({self.year})" if self.year else self.name


class Book(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="books")
    title = models.CharField(max_length=300)
    title_is_translation = models.BooleanField(
        default=False,
        help_text="The title is a rendering, not the published title: shown without quotation marks, and said so.",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["year", "id"]

    def __str__(self):
        return self.title


class Quotation(models.Model):
    """Quoted verbatim, attributed to who said it, with where it was published."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="quotations")
    text = models.TextField()
    language = models.CharField(
        max_length=2,
        choices=[("en", "English"), ("be", "Belarusian"), ("ru", "Russian")],
        default="en",
        help_text="The language the quotation is in (it is quoted as published, not translated).",
    )
    speaker = models.CharField(max_length=300)
    # The original is always shown; beneath it, a translation into the page's language where organisers
    # have provided one, and the speaker's name in the page's script.
    translation_en = models.TextField("translation (English)", blank=True)
    translation_be = models.TextField("translation (Belarusian)", blank=True)
    translation_ru = models.TextField("translation (Russian)", blank=True)
    speaker_be = models.CharField("speaker (Belarusian)", max_length=300, blank=True)
    speaker_ru = models.CharField("speaker (Russian)", max_length=300, blank=True)
    source = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["sort_order", "id"]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    @property
    def translation(self):
        """The translation into the page's language, or '' (none provided, or the quotation is in it)."""
        language = get_language()
        if language == self.language:
            return ""
        return getattr(self, f"translation_{language}", "") or ""

    @property
    def display_speaker(self):
        """The speaker's name in the page's script, where organisers have given it."""
        return getattr(self, f"speaker_{get_language()}", "") or self.speaker


class Source(models.Model):
    """A source the profile relies on, listed at the foot of the page."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.title


class KeyDate(models.Model):
    """A day in the year worth a reminder: a birthday, an anniversary, a day of action."""

    month = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["month", "day"]
        constraints = [
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="key_date_month"),
            models.CheckConstraint(condition=Q(day__gte=1, day__lte=31), name="key_date_day"),
        ]

    def __str__(self):
        return f"{self.day:02d}.{self.month:02d} {self.title}"
