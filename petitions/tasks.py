"""Periodic tasks (see CELERY_BEAT_SCHEDULE) and the public forms' work, run off the request. Tasks that
send one thing live beside their service: exports.run_export_job, updates.send_update_batch."""

from celery import shared_task
from django.conf import settings

from petitions import exports, services, updates
from petitions.models import Petition


@shared_task(ignore_result=True)
def expire_exports():
    exports.export_jobs_expire()


@shared_task(ignore_result=True)
def erase_unconfirmed_signatures():
    services.signature_erase_unconfirmed(older_than_days=settings.UNCONFIRMED_RETENTION_DAYS)


@shared_task(ignore_result=True)
def resume_updates():
    updates.updates_resume()


@shared_task(ignore_result=True)
def sign_petition(petition_id, data, language):
    """The sign form's lookups and mail, off the request (`run_after_commit`): the same answer time
    whatever the address."""
    petition = Petition.objects.filter(pk=petition_id, is_open=True).first()
    if petition is not None:
        services.signature_sign(petition=petition, data=data, language=language)
