import uuid

from django.conf import settings
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def normalise_email(address):
    """The key for the duplicate check and the per-address limits: one key per mailbox.

    Quotes and backslash escapes dropped from the local part ("bomb"@ and "b\\omb"@ are bomb@), case
    folded, +tags dropped, Gmail's dots removed, the domain IDNA-encoded (пример.бел is xn--...). The
    address is still sent to as typed; this key only decides whether two addresses are one mailbox.
    """
    local, _, domain = address.strip().rpartition("@")
    local = local.replace("\\", "").replace('"', "").casefold()
    domain = domain.strip().rstrip(".").casefold()
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid international name: the form refuses it anyway
        pass
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


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

    petition = models.ForeignKey(Petition, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(max_length=150, help_text="The username (or the system user of a command).")
    via = models.CharField(max_length=20, choices=Via.choices)
    format = models.CharField(max_length=10)
    filters = models.JSONField(default=dict)
    row_count = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.actor} exported {self.row_count} rows as {self.format} ({self.created_at:%Y-%m-%d %H:%M})"


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

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Export #{self.pk} of {self.petition} ({self.get_status_display()})"

    @property
    def progress_percent(self):
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.rows_done * 100 // self.expected_rows) if self.expected_rows else 0
