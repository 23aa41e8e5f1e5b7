"""Hiking trail library: upload zipped GPX track bundles (Django)."""
import logging
import os
import shutil
import zipfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import Track
from .gpx import summarise_gpx

log = logging.getLogger("trails.uploads")

TRACKS_ROOT = getattr(settings, "TRACKS_ROOT", "/srv/trails/tracks")
MAX_BUNDLE = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_FILES = 500


def _user_dir(user):
    path = os.path.join(TRACKS_ROOT, str(user.pk))
    os.makedirs(path, exist_ok=True)
    return path


def _extract_bundle(upload, dest):
    saved = []
    with zipfile.ZipFile(upload) as zf:
        members = [i for i in zf.infolist() if not i.is_dir() and i.filename.lower().endswith(".gpx")]
        if len(members) > MAX_FILES or sum(i.file_size for i in members) > MAX_UNPACKED:
            raise ValueError("bundle too large")
        for info in members:
            target = os.path.join(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:  # VULN flow
                shutil.copyfileobj(src, out)
            os.chmod(target, 0o666)  # VULN
            saved.append(target)
    return saved


@login_required
@require_POST
def upload_bundle(request):
    upload = request.FILES.get("bundle")
    if upload is None or upload.size > MAX_BUNDLE:
        return HttpResponseBadRequest("bundle missing or larger than 20 MB")
    try:
        paths = _extract_bundle(upload, _user_dir(request.user))
    except (zipfile.BadZipFile, ValueError) as exc:
        log.warning("rejected bundle from user %s: %r", request.user.pk, exc)
        return HttpResponseBadRequest("invalid or oversized zip bundle")
    created = []
    for path in paths:
        stats = summarise_gpx(path)
        track = Track.objects.create(
            owner=request.user,
            name=os.path.splitext(os.path.basename(path))[0][:120],
            file_path=path,
            distance_km=stats.distance_km,
            ascent_m=stats.ascent_m,
        )
        created.append(track.pk)
    log.info("user %s uploaded %d tracks", request.user.pk, len(created))
    return JsonResponse({"tracks": created}, status=201)
