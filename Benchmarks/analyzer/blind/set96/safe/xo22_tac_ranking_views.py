"""Time allocation committee views: proposal ranking per observing cycle."""
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse

logger = logging.getLogger("tac.views")

CURRENT_CYCLE = "2024B"
COLUMNS = ["id", "title", "pi_name", "panel", "mean_grade", "hours_requested"]


def _ranking_sql(cycle: str, panel=None):
    sql = (
        "SELECT p.id, p.title, p.pi_name, r.panel, AVG(r.grade), p.hours_requested "
        "FROM tac_proposal p JOIN tac_review r ON r.proposal_id = p.id "
        "WHERE p.cycle = %s"
    )
    params = [cycle]
    if panel:
        sql += " AND r.panel = %s"
        params.append(panel)
    return sql + " GROUP BY p.id, r.panel ORDER BY AVG(r.grade) ASC", params


@login_required
@permission_required("tac.view_ranking", raise_exception=True)
def proposal_ranking(request):
    cycle = request.GET.get("cycle", CURRENT_CYCLE)
    panel = request.GET.get("panel")
    logger.info("ranking for cycle %r panel %r requested by %r", cycle, panel, request.user.username)
    with connection.cursor() as cursor:
        cursor.execute(*_ranking_sql(cycle, panel))
        rows = cursor.fetchall()
    return JsonResponse({"cycle": cycle, "proposals": [dict(zip(COLUMNS, r)) for r in rows]})


@login_required
def allocation_summary(request):
    cycle = request.GET.get("cycle", CURRENT_CYCLE)
    if len(cycle) != 5:
        return HttpResponseBadRequest("bad cycle")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT panel, SUM(hours_allocated) FROM tac_allocation WHERE cycle = %s GROUP BY panel",
            [cycle],
        )
        totals = {panel: float(hours or 0) for panel, hours in cursor.fetchall()}
    return JsonResponse({"cycle": cycle, "hours": totals})
