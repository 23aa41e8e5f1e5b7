"""Friend discovery search for the social graph app."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

PAGE_SIZE = 25


def _build_filters(params):
    clauses = ["u.is_active = 1"]
    city = params.get("city", "").strip()
    if city:
        clauses.append(f"p.city = '{city}'")
    min_age = params.get("min_age", "")
    if min_age.isdigit():
        clauses.append(f"p.age >= {int(min_age)}")
    q = params.get("q", "").strip()
    if q:
        like = f"%%{q}%%"
        clauses.append(f"(u.username LIKE '{like}' OR p.display_name LIKE '{like}')")
    return " AND ".join(clauses)


def _search(user_id, where, page):
    sql = (
        "SELECT u.id, u.username, p.display_name, p.city, p.avatar_url "
        "FROM auth_user u JOIN social_profile p ON p.user_id = u.id "
        f"WHERE {where} AND u.id <> %s "
        "ORDER BY p.display_name LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [user_id, PAGE_SIZE, page * PAGE_SIZE])  # VULN flow
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def _mutual_counts(user_id, ids):
    if not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        "SELECT f2.user_id, COUNT(*) FROM social_friendship f1 "
        "JOIN social_friendship f2 ON f1.friend_id = f2.friend_id "
        f"WHERE f1.user_id = %s AND f2.user_id IN ({placeholders}) "
        "GROUP BY f2.user_id"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [user_id, *ids])
        return dict(cur.fetchall())


@login_required
@require_GET
def friend_search(request):
    try:
        page = max(0, int(request.GET.get("page", 0)))
    except ValueError:
        page = 0
    where = _build_filters(request.GET)
    results = _search(request.user.id, where, page)
    mutuals = _mutual_counts(request.user.id, [r["id"] for r in results])
    for r in results:
        r["mutual_friends"] = mutuals.get(r["id"], 0)
    logger.info("friend search by user %s returned %d rows", request.user.id, len(results))
    return JsonResponse({"page": page, "results": results})
