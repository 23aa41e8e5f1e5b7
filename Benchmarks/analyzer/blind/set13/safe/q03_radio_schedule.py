"""Views for the community radio station's programme scheduler."""
import logging
from datetime import datetime

import yaml
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_POST

from .models import Show, Slot

logger = logging.getLogger("radio.schedule")


def _parse_slot(entry):
    start = datetime.fromisoformat(str(entry["start"]))
    end = datetime.fromisoformat(str(entry["end"]))
    if end <= start:
        raise ValueError("slot ends before it starts")
    return start, end


@login_required
@require_POST
def import_playlist(request):
    upload = request.FILES.get("playlist")
    if upload is None:
        return HttpResponseBadRequest("missing playlist file")
    raw = upload.read().decode("utf-8")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        return HttpResponseBadRequest(f"could not parse playlist: {exc}")
    if not isinstance(data, dict):
        return HttpResponseBadRequest("playlist must be a mapping")

    created = 0
    with transaction.atomic():
        for entry in data.get("slots", []):
            try:
                start, end = _parse_slot(entry)
            except (KeyError, TypeError, ValueError) as exc:
                logger.warning("skipping slot: %s", exc)
                continue
            show, _ = Show.objects.get_or_create(title=str(entry["show"]))
            Slot.objects.create(show=show, starts_at=start, ends_at=end, presenter=request.user)
            created += 1
    return JsonResponse({"created": created})


@require_GET
def now_playing_banner(request):
    name = request.GET.get("show", "")
    host = request.GET.get("host", "")
    html = format_html("<div class='now-playing'><h2>{}</h2>", name)
    if host:
        html += format_html("<p>with {}</p>", host)
    html += "</div>"
    return HttpResponse(html)


@require_GET
def upcoming(request):
    slots = (Slot.objects.select_related("show")
             .filter(starts_at__gte=datetime.now())
             .order_by("starts_at")[:20])
    return JsonResponse({
        "slots": [
            {"show": s.show.title, "start": s.starts_at.isoformat(), "end": s.ends_at.isoformat()}
            for s in slots
        ]
    })
