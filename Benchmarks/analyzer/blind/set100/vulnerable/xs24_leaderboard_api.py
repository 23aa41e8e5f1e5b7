"""Classroom leaderboard endpoints."""
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, JsonResponse

from classrooms.models import Classroom

PERIODS = {"week": 7, "month": 30, "term": 120, "all": 36500}


def _leaderboard_sql(classroom_id: int, order: str, period_days: int, direction: str) -> str:
    return f"""
        SELECT u.id, u.first_name,
               SUM(a.points) AS points,
               COUNT(a.id) AS attempts,
               MAX(a.streak) AS best_streak
        FROM quiz_attempt a
        JOIN auth_user u ON u.id = a.user_id
        WHERE a.classroom_id = {classroom_id}
          AND a.created_at >= NOW() - INTERVAL '{period_days} days'
        GROUP BY u.id, u.first_name
        ORDER BY {order} {direction}
        LIMIT 50
    """


def _classroom_for(request, code: str) -> Classroom:
    classroom = Classroom.objects.filter(code=code, members=request.user).first()
    if classroom is None:
        raise Http404("classroom not found")
    return classroom


@login_required
def leaderboard(request, classroom_code):
    classroom = _classroom_for(request, classroom_code)
    order = request.GET.get("order", "points")
    direction = "ASC" if request.GET.get("dir") == "asc" else "DESC"
    days = PERIODS.get(request.GET.get("period", "week"), 7)
    sql = _leaderboard_sql(classroom.pk, order, days, direction)
    with connection.cursor() as cur:
        cur.execute(sql)  # VULN flow
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
        row["is_me"] = row["id"] == request.user.pk
    return JsonResponse({"classroom": classroom.code, "period_days": days, "rows": rows})


@login_required
def my_rank(request, classroom_code):
    classroom = _classroom_for(request, classroom_code)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT COALESCE(SUM(points), 0) FROM quiz_attempt WHERE classroom_id = %s AND user_id = %s",
            [classroom.pk, request.user.pk],
        )
        (points,) = cur.fetchone()
    return JsonResponse({"classroom": classroom.code, "points": points})
