"""Organisers' actions on profiles that touch more than one row or a file."""

import logging
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps

from campaign.models import Person, StatusChange, StatusConfirmation
from campaign.pagecache import pages_changed

log = logging.getLogger(__name__)

PHOTO_MAX_SIZE = (800, 1000)
PHOTO_QUALITY = 85


@transaction.atomic
def person_feature(*, person):
    """Make `person` the one shown on the home page (the constraint allows one featured person)."""
    Person.objects.filter(featured=True).exclude(pk=person.pk).update(featured=False)
    Person.objects.filter(pk=person.pk).update(featured=True)
    person.featured = True
    pages_changed()


def person_photo_resize(*, person):
    """Shrink the uploaded photo to fit the page, turned upright, as a JPEG without its metadata.

    Called by the admin after an upload; a photo already small enough is re-encoded all the same,
    which drops EXIF data such as the place it was taken.
    """
    if not person.photo:
        return
    with person.photo.open("rb") as uploaded, Image.open(uploaded) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail(PHOTO_MAX_SIZE, Image.Resampling.LANCZOS)
        if image.mode != "RGB":
            image = image.convert("RGB")
        out = BytesIO()
        image.save(out, format="JPEG", quality=PHOTO_QUALITY, optimize=True, progressive=True)
    old_name = person.photo.name
    person.photo.save(f"{person.slug}.jpg", ContentFile(out.getvalue()), save=False)
    if old_name != person.photo.name:
        person.photo.storage.delete(old_name)
    Person.objects.filter(pk=person.pk).update(
        photo=person.photo.name, photo_width=person.photo_width, photo_height=person.photo_height
    )


@transaction.atomic
def status_confirm(*, person, confirmed_on, source, source_url="", user):
    """Record that a source confirms `person`'s current status as of `confirmed_on`; who did it is kept.

    Returns the StatusConfirmation, or None when the person has no status to confirm. A confirmation
    older than the one the status already carries is kept in the history but does not move the date back.
    """
    current = StatusChange.objects.select_for_update().filter(person=person).first()  # newest first
    if current is None:
        return None
    confirmation = StatusConfirmation.objects.create(
        status_change=current, confirmed_on=confirmed_on, source=source, source_url=source_url, recorded_by=user
    )
    if current.confirmed_on is None or confirmed_on >= current.confirmed_on:
        StatusChange.objects.filter(pk=current.pk).update(
            confirmed_on=confirmed_on, confirmed_source=source, confirmed_source_url=source_url
        )
    log.info("status %s of person %s confirmed as of %s", current.pk, person.pk, confirmed_on)
    pages_changed()  # every card and profile shows the new 'as of' date
    return confirmation
