"""Programme (schedule) report endpoints for the project controls app."""
from datetime import date

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

FILTER_PARAMS = {
    "phase": "phase",
    "crew": "crew_code",
    "zone": "zone",
}
ORDERINGS = {
    "start": "t.planned_start",
    "finish": "t.planned_finish",
    "float": "t.total_float",
}


def _filters_from_request(request: HttpRequest) -> dict:
    filters = {}
    for param, column in FILTER_PARAMS.items():
        value = request.GET.get(param)
        if value:
            filters[column] = value
    return filters


def _schedule_sql(project_id: int, filters: dict, since: str, order: str):
    where = ["t.project_id = %s"]
    params = [int(project_id)]
    for column, value in filters.items():
        where.append(f"t.{column} = %s")
        params.append(value)
    if since:
        where.append("t.planned_finish >= %s")
        params.append(date.fromisoformat(since))
    return (
        "SELECT t.activity_id, t.name, t.phase, t.crew_code, t.zone, "
        "t.planned_start, t.planned_finish, t.actual_finish, t.total_float "
        "FROM schedule_tasks t WHERE " + " AND ".join(where)
        + f" ORDER BY {ORDERINGS.get(order, 't.planned_start')}"
    ), params


@login_required
@require_GET
def schedule_report(request: HttpRequest, project_id: int) -> JsonResponse:
    filters = _filters_from_request(request)
    since = request.GET.get("since", "")
    try:
        sql, params = _schedule_sql(project_id, filters, since, request.GET.get("order", "start"))
    except ValueError:
        return JsonResponse({"error": "since must be YYYY-MM-DD"}, status=400)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    today = date.today()
    late = [r for r in rows if r["actual_finish"] is None and r["planned_finish"] < today]
    return JsonResponse({
        "project": project_id,
        "activities": len(rows),
        "late": len(late),
        "rows": rows,
    }, json_dumps_params={"default": str})
