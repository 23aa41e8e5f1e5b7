"""Inbox listing API for the webmail frontend (Django).

Uses raw SQL because the ORM query for the folder/thread join was too slow
on the big tenants.
"""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import Message

log = logging.getLogger(__name__)
PAGE_SIZE = 50
SORT_COLUMNS = {
    "received_at": "m.received_at",
    "subject": "m.subject",
    "sender": "m.sender",
}


def _inbox_sql(user_id: int, folder: str, sort: str, direction: str, page: int) -> tuple:
    offset = max(page - 1, 0) * PAGE_SIZE
    order_col = SORT_COLUMNS.get(sort, "m.received_at")
    sql = f"""
        SELECT m.id, m.subject, m.sender, m.received_at, m.is_read, m.has_attachments
        FROM mail_message m
        JOIN mail_folder f ON f.id = m.folder_id
        WHERE f.owner_id = %s AND f.name = %s AND m.deleted = FALSE
        ORDER BY {order_col} {direction}
        LIMIT %s OFFSET %s
    """
    return sql, [int(user_id), folder, PAGE_SIZE, offset]


@login_required
@require_GET
def inbox(request):
    folder = request.GET.get("folder", "INBOX")
    sort = request.GET.get("sort", "received_at")
    direction = "ASC" if request.GET.get("dir") == "asc" else "DESC"
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    sql, params = _inbox_sql(request.user.id, folder, sort, direction, page)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for row in rows:
        row["received_at"] = row["received_at"].isoformat()
    return JsonResponse({"folder": folder, "page": page, "messages": rows})


@login_required
@require_POST
def mark_read(request, message_id: int):
    updated = Message.objects.filter(
        pk=message_id, folder__owner=request.user
    ).update(is_read=True)
    if not updated:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse({"ok": True})
