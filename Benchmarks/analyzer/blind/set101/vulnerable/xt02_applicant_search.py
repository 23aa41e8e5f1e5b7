"""Recruiter-facing applicant search API (Django)."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

SEARCH_COLUMNS = (
    "a.id",
    "a.full_name",
    "a.email",
    "a.current_title",
    "s.name AS stage",
    "a.applied_at",
)
VALID_STAGES = {"applied", "screen", "onsite", "offer", "hired", "rejected"}


class ApplicantQuery:
    """Small builder so the view stays readable."""

    def __init__(self, requisition_id: int):
        self.requisition_id = requisition_id
        self.clauses = ["a.requisition_id = %d" % requisition_id]

    def with_keyword(self, keyword: str) -> "ApplicantQuery":
        if keyword:
            self.clauses.append(
                f"(a.full_name ILIKE '%{keyword}%' OR a.current_title ILIKE '%{keyword}%')"
            )
        return self

    def with_stage(self, stage: str) -> "ApplicantQuery":
        if stage:
            self.clauses.append(f"s.name = '{stage}'")
        return self

    def sql(self) -> str:
        return (
            "SELECT " + ", ".join(SEARCH_COLUMNS)
            + " FROM applicants a JOIN stages s ON s.id = a.stage_id WHERE "
            + " AND ".join(self.clauses)
            + " ORDER BY a.applied_at DESC LIMIT 200"
        )


def _rows_to_dicts(cursor):
    names = [col[0] for col in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


@login_required
@require_GET
def search_applicants(request, requisition_id):
    try:
        req_id = int(requisition_id)
    except (TypeError, ValueError):
        return HttpResponseBadRequest("bad requisition id")

    query = (
        ApplicantQuery(req_id)
        .with_keyword(request.GET.get("q", "").strip())
        .with_stage(request.GET.get("stage", "").lower())
    )
    statement = query.sql()
    with connection.cursor() as cur:
        cur.execute(statement)  # VULN flow
        results = _rows_to_dicts(cur)

    for row in results:
        row["applied_at"] = row["applied_at"].isoformat() if row["applied_at"] else None
    log.debug("applicant search on req %s returned %d rows", req_id, len(results))
    return JsonResponse({"requisition": req_id, "count": len(results), "results": results})
