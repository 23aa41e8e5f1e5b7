"""Chat history search and abuse reporting for the community chat service."""
import logging
import re

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from chat.models import AbuseReport, Message, Room

log = logging.getLogger("chat.search")
audit = logging.getLogger("chat.audit")

SEARCH_WINDOW = 2000
REPORT_REASONS = {"spam", "harassment", "off-topic", "other"}


def _room_for(user, room_id):
    return get_object_or_404(Room, pk=room_id, members=user)


def _one_line(text):
    return text.replace("\r", "\\r").replace("\n", "\\n")


@login_required
@require_GET
def search_history(request, room_id):
    room = _room_for(request.user, room_id)
    pattern = request.GET.get("q", "")[:200]
    if not pattern:
        return JsonResponse({"error": "q is required"}, status=400)
    flags = re.IGNORECASE if request.GET.get("case") != "sensitive" else 0
    try:
        matcher = re.compile(re.escape(pattern), flags)
    except re.error:
        return JsonResponse({"error": "invalid search expression"}, status=400)

    recent = Message.objects.filter(room=room).order_by("-sent_at").values("id", "author__username", "body", "sent_at")[:SEARCH_WINDOW]
    hits = [
        {"id": m["id"], "author": m["author__username"], "body": m["body"], "sent_at": m["sent_at"].isoformat()}
        for m in recent
        if matcher.search(m["body"])
    ]
    log.debug("room %s search returned %d hits", room.pk, len(hits))
    return JsonResponse({"room": room.pk, "hits": hits[:100]})


@login_required
@require_POST
def report_message(request, room_id, message_id):
    room = _room_for(request.user, room_id)
    message = get_object_or_404(Message, pk=message_id, room=room)
    category = request.POST.get("category", "other")
    if category not in REPORT_REASONS:
        return JsonResponse({"error": "unknown category"}, status=400)
    details = request.POST.get("details", "")[:1000]
    report = AbuseReport.objects.create(message=message, reporter=request.user, category=category, details=details)
    audit.warning("abuse report %s on message %s (%s): %s", report.pk, message.pk, category, _one_line(details))
    return JsonResponse({"report": report.pk}, status=201)
