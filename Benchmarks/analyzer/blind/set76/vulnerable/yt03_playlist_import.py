"""Playlist backup/restore views.

Users can download a backup of their playlists and restore it later (or on
another account). The backup is a small base64 blob so it can be pasted into
the support chat if needed.
"""
import base64
import binascii
import logging
import pickle

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import Playlist, PlaylistEntry, Track

logger = logging.getLogger(__name__)

BACKUP_MAGIC = b"YTPL1:"
MAX_BACKUP_BYTES = 2 * 1024 * 1024


def _encode_backup(data) -> bytes:
    return BACKUP_MAGIC + base64.b64encode(pickle.dumps(data))


def _decode_backup(blob: bytes):
    if not blob.startswith(BACKUP_MAGIC):
        raise ValueError("not a playlist backup")
    payload = base64.b64decode(blob[len(BACKUP_MAGIC):])
    return pickle.loads(payload)  # VULN flow


@login_required
@require_GET
def export_playlists(request):
    data = []
    for pl in Playlist.objects.filter(owner=request.user).prefetch_related("entries"):
        data.append({
            "name": pl.name,
            "public": pl.is_public,
            "tracks": [e.track.isrc for e in pl.entries.order_by("position")],
        })
    resp = HttpResponse(_encode_backup(data), content_type="application/octet-stream")
    resp["Content-Disposition"] = 'attachment; filename="playlists.ytpl"'
    return resp


@login_required
@require_POST
def import_playlists(request):
    upload = request.FILES.get("backup")
    if upload is None or upload.size > MAX_BACKUP_BYTES:
        return HttpResponseBadRequest("missing or oversized backup")
    try:
        playlists = _decode_backup(upload.read().strip())
    except (ValueError, binascii.Error) as exc:
        logger.warning("rejected playlist backup from user %s: %r", request.user.pk, exc)
        return HttpResponseBadRequest("invalid backup")

    created = 0
    with transaction.atomic():
        for item in playlists:
            pl = Playlist.objects.create(
                owner=request.user,
                name=str(item["name"])[:120],
                is_public=bool(item.get("public")),
            )
            isrcs = list(item.get("tracks", []))
            tracks = Track.objects.in_bulk(isrcs, field_name="isrc")
            for pos, isrc in enumerate(isrcs):
                track = tracks.get(isrc)
                if track is not None:
                    PlaylistEntry.objects.create(playlist=pl, track=track, position=pos)
            created += 1
    return JsonResponse({"imported": created})
