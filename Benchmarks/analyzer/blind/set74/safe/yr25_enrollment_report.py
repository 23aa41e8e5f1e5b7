"""Enrollment statistics report for department chairs (Django)."""
import csv
import logging

from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.http import HttpResponse, JsonResponse

from registration.terms import current_term

log = logging.getLogger(__name__)

REPORT_COLUMNS = ["dept_code", "course_number", "sections", "capacity", "enrolled", "fill_rate"]
SORT_COLUMNS = {
    "dept_code": "c.dept_code",
    "course_number": "c.number",
    "sections": "sections",
    "capacity": "capacity",
    "enrolled": "enrolled",
    "fill_rate": "fill_rate",
}


def _report_sql(term: str, dept: str, sort: str, direction: str):
    sql = (
        "SELECT c.dept_code, c.number AS course_number, COUNT(s.id) AS sections, "
        "SUM(s.capacity) AS capacity, SUM(s.enrolled) AS enrolled, "
        "ROUND(100.0 * SUM(s.enrolled) / NULLIF(SUM(s.capacity), 0), 1) AS fill_rate "
        "FROM registration_section s JOIN registration_course c ON c.id = s.course_id "
        "WHERE s.term = %s"
    )
    params = [term]
    if dept:
        sql += " AND c.dept_code = %s"
        params.append(dept.upper())
    sql += " GROUP BY c.dept_code, c.number ORDER BY %s %s" % (SORT_COLUMNS.get(sort, "fill_rate"), direction)
    return sql, params


def _run_report(params) -> list:
    term = params.get("term") or current_term()
    dept = params.get("dept", "")
    sort = params.get("sort", "fill_rate")
    direction = "DESC" if params.get("desc") == "1" else "ASC"
    query, args = _report_sql(term, dept, sort, direction)
    with connection.cursor() as cur:
        cur.execute(query, args)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


@staff_member_required
def enrollment_report(request):
    rows = _run_report(request.GET)
    log.info("enrollment report generated for %s (%d rows)", request.user.username, len(rows))
    return JsonResponse({"rows": rows, "columns": REPORT_COLUMNS})


@staff_member_required
def enrollment_report_csv(request):
    rows = _run_report(request.GET)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="enrollment_report.csv"'
    writer = csv.DictWriter(response, fieldnames=REPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return response
