"""Helpdesk ticket search view (Django)."""
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

STATUS_CHOICES = {"open", "pending", "closed"}
PAGE_SIZE = 25


def _build_filters(params, team_id):
    clauses = ["t.team_id = %s"]
    args = [int(team_id)]
    status = params.get("status")
    if status in STATUS_CHOICES:
        clauses.append("t.status = %s")
        args.append(status)
    term = params.get("q", "").strip()
    if term:
        clauses.append("t.subject LIKE %s")
        args.append(f"%{term}%")
    return " AND ".join(clauses), args


def _fetch_rows(where, args, page):
    offset = max(page - 1, 0) * PAGE_SIZE
    sql = (
        "SELECT t.id, t.subject, t.status, u.username "
        "FROM helpdesk_ticket t JOIN auth_user u ON u.id = t.owner_id "
        "WHERE " + where + " ORDER BY t.updated_at DESC "
        "LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, args + [PAGE_SIZE, offset])
        cols = [c[0] for c in cursor.description]
        return [dict(zip(cols, row)) for row in cursor.fetchall()]


@login_required
@require_GET
def ticket_search(request):
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    team_id = request.user.profile.team_id
    where, args = _build_filters(request.GET, team_id)
    rows = _fetch_rows(where, args, page)
    return JsonResponse({"page": page, "results": rows})
