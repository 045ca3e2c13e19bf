from celery import shared_task
from django.conf import settings

from petitions import services
from petitions.models import Petition


@shared_task(acks_late=True, ignore_result=True)
def run_export_job(job_id):
    services.export_job_run(job_id=job_id)


@shared_task(ignore_result=True)
def expire_exports():
    services.export_jobs_expire()


@shared_task(ignore_result=True)
def erase_unconfirmed_signatures():
    services.signature_erase_unconfirmed(older_than_days=settings.UNCONFIRMED_RETENTION_DAYS)


@shared_task(ignore_result=True)
def sign_petition(petition_id, data, language):
    """The sign form's lookups and mail, off the request (see campaign.tasks.enqueue_after_commit)."""
    petition = Petition.objects.filter(pk=petition_id, is_open=True).first()
    if petition is not None:
        services.signature_sign(petition=petition, data=data, language=language)


@shared_task(ignore_result=True)
def send_data_link(email):
    services.signature_data_request(email=email)
