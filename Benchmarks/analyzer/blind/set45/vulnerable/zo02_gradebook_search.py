"""Gradebook search API used by the instructor dashboard."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

BASE_SQL = """
    SELECT s.id, s.first_name, s.last_name, g.assignment_id, g.score, g.submitted_at
    FROM gradebook_grade g
    JOIN accounts_student s ON s.id = g.student_id
    JOIN courses_enrollment e ON e.student_id = s.id
"""


class GradebookQuery:
    """Small builder so the dashboard can combine filters freely."""

    def __init__(self, course_id: int, term: str = "", order: str = "last_name", direction: str = "asc"):
        self.course_id = course_id
        self.term = term.strip()
        self.order = order
        self.direction = direction
        self.min_score = None

    def where_clause(self) -> str:
        clauses = ["e.course_id = %d" % self.course_id]
        if self.term:
            clauses.append(f"(s.last_name LIKE '%{self.term}%' OR s.first_name LIKE '%{self.term}%')")
        if self.min_score is not None:
            clauses.append("g.score >= %s" % float(self.min_score))
        return " WHERE " + " AND ".join(clauses)

    def sql(self) -> str:
        return BASE_SQL + self.where_clause() + f" ORDER BY {self.order} {self.direction} LIMIT 500"


def fetch_rows(query: GradebookQuery) -> list:
    statement = query.sql()
    with connection.cursor() as cursor:
        cursor.execute(statement)  # VULN flow
        columns = [col[0] for col in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


@login_required
@require_GET
def gradebook_search(request, course_id: int):
    if not request.user.has_perm("gradebook.view_grade"):
        return JsonResponse({"error": "forbidden"}, status=403)

    query = GradebookQuery(
        course_id=int(course_id),
        term=request.GET.get("q", ""),
        order=request.GET.get("sort", "last_name"),
        direction=request.GET.get("dir", "asc"),
    )
    if "min" in request.GET:
        try:
            query.min_score = float(request.GET["min"])
        except ValueError:
            return HttpResponseBadRequest("min must be numeric")

    rows = fetch_rows(query)
    logger.debug("gradebook search returned %d rows for course %s", len(rows), course_id)
    return JsonResponse({"results": rows, "count": len(rows)})
