"""Directory search view used by the people-ops dashboard."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

SEARCHABLE = ("first_name", "last_name", "department", "job_title")
MAX_TERM = 100


class EmployeeFilter:
    """Translates dashboard query-string filters into a WHERE clause."""

    def __init__(self, params):
        self.term = params.get("q", "").strip()
        self.department = params.get("department")
        self.location = params.get("location")
        self.active_only = params.get("active", "1") == "1"

    def where_clause(self) -> str:
        clauses = []
        if self.term:
            like = f"%{self.term}%"
            clauses.append(
                "(" + " OR ".join(f"{col} LIKE '{like}'" for col in SEARCHABLE) + ")"
            )
        if self.department:
            clauses.append(f"department = '{self.department}'")
        if self.location:
            clauses.append(f"office_location = '{self.location}'")
        if self.active_only:
            clauses.append("terminated_on IS NULL")
        return " AND ".join(clauses) or "1=1"


def _rows_to_dicts(cursor):
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


@login_required
@require_GET
def employee_search(request):
    flt = EmployeeFilter(request.GET)
    if len(flt.term) > MAX_TERM:
        return HttpResponseBadRequest("query too long")

    sql = (
        "SELECT id, first_name, last_name, department, job_title, office_location "
        "FROM hr_employee WHERE " + flt.where_clause() + " ORDER BY last_name LIMIT 50"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)  # VULN flow
        results = _rows_to_dicts(cursor)

    logger.debug("employee search returned %d rows", len(results))
    return JsonResponse({"count": len(results), "results": results})
