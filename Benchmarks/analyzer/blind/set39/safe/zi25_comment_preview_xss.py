import logging
import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .models import Ticket, TicketComment

logger = logging.getLogger(__name__)

MENTION_RE = re.compile(r"@([a-z0-9_.]{2,30})")
MAX_BODY = 5000


def _render_mentions(text):
    return MENTION_RE.sub(
        lambda m: f'<a class="mention" href="/people/{m.group(1)}">@{m.group(1)}</a>', text
    )


def _preview_html(author, body):
    rendered = _render_mentions(str(escape(body))).replace("\n", "<br>")
    return format_html(
        '<div class="comment-preview"><strong>{}</strong><p>{}</p></div>', author, mark_safe(rendered)
    )


@login_required
@require_POST
def comment_preview(request, ticket_id):
    get_object_or_404(Ticket, pk=ticket_id, team__members=request.user)
    body = request.POST.get("body", "")
    if len(body) > MAX_BODY:
        return JsonResponse({"error": "comment too long"}, status=400)
    html = _preview_html(request.user.get_full_name(), body)
    return HttpResponse(html)


@login_required
@require_POST
def add_comment(request, ticket_id):
    ticket = get_object_or_404(Ticket, pk=ticket_id, team__members=request.user)
    body = request.POST.get("body", "").strip()
    if not body or len(body) > MAX_BODY:
        return JsonResponse({"error": "invalid comment"}, status=400)
    comment = TicketComment.objects.create(ticket=ticket, author=request.user, body=body)
    logger.info("comment added ticket=%s comment=%s", ticket.pk, comment.pk)
    return JsonResponse({"id": comment.pk, "created_at": comment.created_at.isoformat()}, status=201)
