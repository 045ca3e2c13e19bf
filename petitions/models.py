import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Petition(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, help_text="One sentence shown under the title and in link previews.")
    body = models.TextField(help_text="The petition text. Blank lines separate paragraphs.")
    addressee = models.CharField(max_length=300)
    goal = models.PositiveIntegerField(default=10000)
    is_open = models.BooleanField(default=True, help_text="Closed petitions show their count but take no signatures.")
    # Kept up to date by confirm and withdraw, so no page ever counts rows.
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("petitions:detail", args=[self.slug])

    @property
    def progress_percent(self):
        if not self.goal:
            return 100
        return min(100, self.confirmed_count * 100 // self.goal)

    def add_to_count(self, delta):
        Petition.objects.filter(pk=self.pk).update(confirmed_count=F("confirmed_count") + delta)


class Signature(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    # What emailed links carry: random, so a link tells neither who signed nor how many signed before.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254, help_text="As typed; mail goes here.")
    email_key = models.CharField(max_length=254, editable=False, help_text="Normalised, for the duplicate check.")
    country = CountryField()
    city = models.CharField(max_length=100, blank=True)
    comment = models.TextField(max_length=1000, blank=True)
    show_publicly = models.BooleanField(default=False)
    keep_informed = models.BooleanField(default=False)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition", "email_key"], name="one_signature_per_email"),
        ]
        indexes = [
            models.Index(fields=["petition", "status", "-confirmed_at"]),
            models.Index(fields=["status", "created_at"]),
        ]
        permissions = [("export_signatures", "Can export signatures and download the handover PDF")]

    def __str__(self):
        return f"{self.first_name} {self.last_name[:1]}. ({self.get_status_display()})"


class ReceivedSignature(models.Model):
    """A signature as the sign form took it, until a worker records it (services.signatures_record).

    The sign request only inserts this row: the same work whatever the address, so its answer time
    says nothing about whether the address signed before, and no Celery message per signature. A
    worker takes the rows every second (CELERY_BEAT_SCHEDULE) and deletes each once recorded.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(help_text="The form's cleaned data.")
    language = models.CharField(max_length=10)
    received_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Received signature {self.pk} ({self.received_at:%Y-%m-%d %H:%M:%S})"


class PetitionMilestone(models.Model):
    """A count the petition has reached (25/50/75/100% of its goal, then each further goal).

    The unique constraint is what makes the organisers' email go out once: the row is inserted in
    the confirming transaction, and a second insert of the same count fails.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="milestones")
    count = models.PositiveIntegerField()
    percent = models.PositiveIntegerField(help_text="Of the goal at the time it was reached.")
    reached_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["petition", "count"], name="one_milestone_per_count")]
        ordering = ["petition", "count"]

    def __str__(self):
        return f"{self.petition}: {self.percent}% ({self.count})"


class ExportRecord(models.Model):
    """The audit log: one row per export, whoever asked and however. Never edited."""

    class Via(models.TextChoices):
        DOWNLOAD = "download", "Streamed download"
        BACKGROUND = "background", "Background job"
        COMMAND = "command", "Command line"
        HANDOVER = "handover", "Handover PDF"

    class Outcome(models.TextChoices):
        STARTED = "started", "Started"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    petition = models.ForeignKey(Petition, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(max_length=150, help_text="The username (or the system user of a command).")
    via = models.CharField(max_length=20, choices=Via.choices)
    format = models.CharField(max_length=10)
    filters = models.JSONField(default=dict)
    row_count = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.STARTED)
    reason = models.CharField(max_length=500, blank=True, help_text="Why a failed export failed.")
    started = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="The row it ended."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        when = f"{self.created_at:%Y-%m-%d %H:%M}"
        return f"{self.actor}: export of {self.row_count} rows as {self.format} {self.get_outcome_display()} ({when})"


class ExportJob(models.Model):
    """A background export: written to a private file, offered to its requester until it expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(max_length=10)
    filters = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    expected_rows = models.PositiveIntegerField(default=0, help_text="Counted when asked for; the progress bar's end.")
    rows_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=100, blank=True, help_text="Inside settings.EXPORT_ROOT.")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    record = models.ForeignKey(ExportRecord, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Export #{self.pk} of {self.petition} ({self.get_status_display()})"

    @property
    def progress_percent(self):
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.rows_done * 100 // self.expected_rows) if self.expected_rows else 0


class PetitionUpdate(models.Model):
    """News for the signers who ticked 'keep me informed', written per language (English required,
    the others fall back to it) and sent through the outbox at the rate the organisers set."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENDING = "sending", "Sending"
        DONE = "done", "Sent to everyone"

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="updates")
    subject = models.CharField(max_length=200)
    body = models.TextField(
        help_text="Plain text. Blank lines separate paragraphs. The greeting ('Hello Alesia,'), a link to the "
        "petition and the link to stop these emails are added to every email."
    )
    per_minute = models.PositiveIntegerField(
        "emails per minute",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
        help_text="How fast it goes out. Ask your mail provider what it allows; 60 is safe almost everywhere.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    recipients = models.PositiveIntegerField(default=0, editable=False, help_text="Counted when sending began.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the last email was put in the outbox."
    )
    last_batch_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("send_petitionupdate", "Can send updates to the signers who asked for them")]

    def __str__(self):
        return self.subject


class UpdateDelivery(models.Model):
    """One update to one signer. The unique constraint is what sends it at most once, whatever stops
    and restarts the sending: the row and its outbox email are written in one transaction."""

    update = models.ForeignKey(PetitionUpdate, on_delete=models.CASCADE, related_name="deliveries")
    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="+")
    email = models.ForeignKey("campaign.OutgoingEmail", null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(max_length=10)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "signature"], name="one_delivery_per_signer")]

    def __str__(self):
        return f"{self.update} to signature {self.signature_id}"
