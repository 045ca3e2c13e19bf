from celery import shared_task
from django.conf import settings

from petitions import services


@shared_task(acks_late=True, ignore_result=True)
def run_export_job(job_id):
    services.export_job_run(job_id=job_id)


@shared_task(ignore_result=True)
def expire_exports():
    services.export_jobs_expire()


@shared_task(ignore_result=True)
def erase_unconfirmed_signatures():
    services.signature_erase_unconfirmed(older_than_days=settings.UNCONFIRMED_RETENTION_DAYS)


@shared_task(acks_late=True, ignore_result=True)
def send_update_batch(update_id):
    services.update_send_batch(update_id=update_id)


@shared_task(ignore_result=True)
def resume_updates():
    services.updates_resume()
