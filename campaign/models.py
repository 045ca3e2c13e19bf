from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    """The outbox: every email is a row written in the same transaction as what caused it.

    A Celery task claims the row (queued -> inflight), sends it, and marks it sent or failed; a
    periodic sweep re-queues rows whose task was lost (broker down, worker killed).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        INFLIGHT = "inflight", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=50)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
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


class Person(models.Model):
    """Someone the campaign stands for. The day count is computed from the status history."""

    slug = models.SlugField(max_length=80, unique=True)
    name_latin = models.CharField("name (Latin script)", max_length=200)
    name_be = models.CharField("name (Belarusian)", max_length=200, help_text="Full, with patronymic.")
    name_ru = models.CharField(
        "name (Russian)", max_length=200, help_text="Full, with patronymic, as a postal address needs."
    )
    role = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True, help_text="One paragraph.")
    biography = models.TextField(blank=True, help_text="Blank lines separate paragraphs.")
    birth_date = models.DateField(null=True, blank=True)
    detention_start = models.DateField(
        null=True, blank=True, help_text="The first day of the current (or last) detention."
    )
    featured = models.BooleanField(default=False, help_text="Shown on the home page.")
    sort_order = models.PositiveSmallIntegerField(default=100)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "name_latin"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name_latin


class StatusChange(models.Model):
    """One entry in a person's status history; the newest one is the current status."""

    class Status(models.TextChoices):
        DETAINED = "detained", "Detained"
        PRE_TRIAL = "pre_trial", "In pre-trial detention"
        SENTENCED = "sentenced", "Sentenced"
        PENAL_COLONY = "penal_colony", "In a penal colony"
        CELL_TYPE_ROOM = "cell_type_room", "In a cell-type room"
        INCOMMUNICADO = "incommunicado", "Held incommunicado"
        RELEASED = "released", "Released"
        DEPORTED = "deported", "Deported"

    FREE = {Status.RELEASED, Status.DEPORTED}

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=20, choices=Status.choices)
    date = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-recorded_at"]
        get_latest_by = ["date", "recorded_at"]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()} ({self.date})"

    @property
    def is_free(self):
        return self.status in self.FREE
