"""Cohort explorer views for the analytics UI."""
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Cohort, TrackedUser

PAGE_SIZE = 100
DEFAULT_ORDER = "u.last_seen DESC"
ORDERINGS = {
    "last_seen": "u.last_seen DESC",
    "-last_seen": "u.last_seen ASC",
    "email": "u.email ASC",
    "plan": "u.plan ASC, u.last_seen DESC",
}


def _cohort_sql(order: str) -> str:
    return (
        "SELECT u.distinct_id, u.email, u.plan, u.last_seen "
        "FROM analytics_trackeduser u "
        "JOIN analytics_cohortmember m ON m.user_id = u.id "
        "WHERE m.cohort_id = %s "
        f"ORDER BY {order} LIMIT %s OFFSET %s"
    )


def _page(request) -> int:
    try:
        return max(int(request.GET.get("page", "0")), 0)
    except ValueError:
        return 0


@login_required
@require_GET
def cohort_members(request, cohort_id: int):
    cohort = Cohort.objects.filter(pk=cohort_id, project__members=request.user).first()
    if cohort is None:
        return JsonResponse({"error": "not found"}, status=404)
    order = ORDERINGS.get(request.GET.get("order", ""), DEFAULT_ORDER)
    offset = _page(request) * PAGE_SIZE
    with connection.cursor() as cur:
        cur.execute(_cohort_sql(order), [cohort.pk, PAGE_SIZE, offset])
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    return JsonResponse({"cohort": cohort.name, "results": rows}, json_dumps_params={"default": str})


@login_required
@require_GET
def users_by_plan(request):
    plan = request.GET.get("plan", "free")
    project_id = request.user.profile.current_project_id
    query = "SELECT * FROM analytics_trackeduser WHERE plan = %s AND project_id = %s"
    users = TrackedUser.objects.raw(query, [plan, project_id])
    data = [
        {"distinct_id": u.distinct_id, "email": u.email, "last_seen": u.last_seen.isoformat()}
        for u in users[:PAGE_SIZE]
    ]
    return JsonResponse({"plan": plan, "results": data})
