import re
import subprocess
from pathlib import Path

from celery import shared_task
from django.conf import settings

from media.models import Upload

ALLOWED_FORMATS = {"png", "jpeg", "webp"}
SIZE_RE = re.compile(r"\d{1,4}x\d{1,4}")


@shared_task(autoretry_for=(subprocess.TimeoutExpired,), max_retries=2)
def make_thumbnail(upload_id, size="256x256", fmt="webp"):
    if fmt not in ALLOWED_FORMATS or not SIZE_RE.fullmatch(size):
        raise ValueError(f"unsupported thumbnail spec {size!r}/{fmt!r}")
    upload = Upload.objects.get(pk=upload_id)
    dest_dir = Path(settings.MEDIA_ROOT) / "thumbs"
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{upload.pk}_{size}.{fmt}"
    subprocess.run(
        ["convert", upload.file.path, "-auto-orient", "-thumbnail", size, f"{fmt}:{dest}"],
        check=True,
        timeout=60,
    )
    upload.thumbnail.name = f"thumbs/{dest.name}"
    upload.save(update_fields=["thumbnail"])
    return str(dest)
