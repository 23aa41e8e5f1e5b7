"""Play-event ingestion from the mobile apps (Django).

Every completed/skipped play is posted here; skips additionally go to a flat
audit file that the royalty team greps when labels dispute skip counts.
"""
import json
import logging
import time
from pathlib import Path

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import PlayEvent

logger = logging.getLogger("streaming.plays")
SKIP_AUDIT = Path("/var/log/streaming/skips.log")
KNOWN_KINDS = ("complete", "skip", "partial")


def _one_line(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def _client_label(request) -> str:
    device = request.headers.get("X-Device-Model", "unknown")
    version = request.headers.get("X-App-Version", "?")
    return f"{device}/{version}"


def _audit_skip(user_id, track_title: str, position_ms: int) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    line = f"{stamp} user={user_id} skipped '{_one_line(track_title)}' at {position_ms}ms\n"
    with SKIP_AUDIT.open("a", encoding="utf-8") as fh:
        fh.write(line)


@csrf_exempt
@require_POST
def report_play(request):
    try:
        event = json.loads(request.body)
        track_id = int(event["track_id"])
        position = int(event.get("position_ms", 0))
        kind = str(event.get("kind", "complete"))
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("bad event")

    client = _client_label(request)
    logger.info("play event kind=%r track=%s client=%r", kind, track_id, client)
    if kind not in KNOWN_KINDS:
        return HttpResponseBadRequest("unknown kind")

    user_id = request.user.pk if request.user.is_authenticated else None
    PlayEvent.objects.create(
        user_id=user_id,
        track_id=track_id,
        position_ms=position,
        kind=kind,
        client=client[:120],
    )
    if kind == "skip":
        _audit_skip(user_id, str(event.get("title", "")), position)
    return JsonResponse({"ok": True})
