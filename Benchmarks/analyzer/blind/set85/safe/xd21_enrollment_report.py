"""Department enrollment/completion report for academic administrators."""
import csv
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("reports.enrollment")

BASE_SQL = """
    SELECT c.code, c.title, c.department,
           COUNT(e.id) AS enrolled,
           SUM(CASE WHEN e.completed_at IS NOT NULL THEN 1 ELSE 0 END) AS completed
    FROM courses_course c
    LEFT JOIN courses_enrollment e ON e.course_id = c.id
"""


def build_report_sql(term: str, department: str | None, min_enrolled: int) -> tuple[str, list]:
    sql = BASE_SQL + " WHERE c.term = %s"
    params: list = [term]
    if department:
        sql += " AND c.department = %s"
        params.append(department)
    sql += " GROUP BY c.code, c.title, c.department"
    sql += " HAVING COUNT(e.id) >= %s ORDER BY enrolled DESC"
    params.append(min_enrolled)
    return sql, params


def fetch_report(term: str, department: str | None = None, min_enrolled: int = 0) -> list[dict]:
    sql, params = build_report_sql(term, department, min_enrolled)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


@login_required
@permission_required("reports.view_department_report", raise_exception=True)
@require_GET
def enrollment_report(request):
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse({"error": "term is required"}, status=400)
    department = request.GET.get("department") or None
    try:
        min_enrolled = int(request.GET.get("min", "0"))
    except ValueError:
        min_enrolled = 0
    rows = fetch_report(term, department, min_enrolled)
    for row in rows:
        row["completion_rate"] = round(row["completed"] / row["enrolled"], 3) if row["enrolled"] else None

    if request.GET.get("format") == "csv":
        resp = HttpResponse(content_type="text/csv")
        resp["Content-Disposition"] = 'attachment; filename="enrollment.csv"'
        writer = csv.DictWriter(resp, fieldnames=list(rows[0].keys()) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
        return resp
    return JsonResponse({"term": term, "rows": rows})
