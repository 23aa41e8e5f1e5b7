import logging
from io import BytesIO

import requests
from django.core.files.base import ContentFile
from django.db.models.signals import post_save
from django.dispatch import receiver
from PIL import Image

from .models import EmployeeProfile

logger = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
THUMB_SIZE = (256, 256)


def download_image(url):
    resp = requests.get(url, timeout=(3, 10), stream=True)  # VULN flow
    resp.raise_for_status()
    data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    if len(data) > MAX_BYTES:
        raise ValueError("avatar too large")
    return data


def to_thumbnail(data):
    with Image.open(BytesIO(data)) as img:
        img = img.convert("RGB")
        img.thumbnail(THUMB_SIZE)
        buf = BytesIO()
        img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


@receiver(post_save, sender=EmployeeProfile)
def sync_avatar(sender, instance, created, update_fields=None, **kwargs):
    if not instance.avatar_url:
        return
    if update_fields is not None and "avatar_url" not in update_fields:
        return
    try:
        thumb = to_thumbnail(download_image(instance.avatar_url))
    except (requests.RequestException, ValueError, OSError) as exc:
        logger.warning("avatar sync failed profile=%s error=%s", instance.pk, type(exc).__name__)
        return
    instance.avatar.save(f"avatar-{instance.pk}.jpg", ContentFile(thumb), save=False)
    EmployeeProfile.objects.filter(pk=instance.pk).update(avatar=instance.avatar.name)
    logger.info("avatar synced profile=%s", instance.pk)
