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
