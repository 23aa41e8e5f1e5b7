"""Pipeline segment search and anomaly summaries for the integrity management
portal (Django)."""
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Segment

PAGE_SIZE = 200


def segment_filters(params):
    conds, args = [], []
    if params.get("operator"):
        conds.append("operator_code = %s")
        args.append(params["operator"])
    if params.get("min_diameter"):
        conds.append("diameter_mm >= %s")
        args.append(float(params["min_diameter"]))
    if params.get("material"):
        conds.append("material = %s")
        args.append(params["material"])
    if params.get("hca") == "1":
        conds.append("high_consequence_area = 1")
    return " AND ".join(conds) or "1=1", args


def segment_dict(s: Segment) -> dict:
    return {
        "id": s.pk, "line": s.line_code, "kp_start": s.kp_start, "kp_end": s.kp_end,
        "diameter_mm": s.diameter_mm, "material": s.material, "operator": s.operator_code,
    }


@login_required
@require_GET
def segment_search(request):
    where, args = segment_filters(request.GET)
    sql = "SELECT * FROM integrity_segment WHERE " + where + " ORDER BY line_code, kp_start"
    segments = Segment.objects.raw(sql, args)
    data = [segment_dict(s) for s in segments[:PAGE_SIZE]]
    return JsonResponse({"count": len(data), "segments": data})


@login_required
@require_GET
def anomaly_summary(request, line_code):
    kp_from = float(request.GET.get("kp_from", 0))
    kp_to = float(request.GET.get("kp_to", 1e6))
    with connection.cursor() as cur:
        cur.execute(
            "SELECT anomaly_type, COUNT(*), MAX(depth_pct) FROM integrity_anomaly "
            "WHERE line_code = %s AND kp BETWEEN %s AND %s "
            "GROUP BY anomaly_type ORDER BY 2 DESC",
            [line_code, kp_from, kp_to],
        )
        rows = cur.fetchall()
    return JsonResponse({
        "line": line_code,
        "summary": [{"type": t, "count": n, "max_depth_pct": d} for t, n, d in rows],
    })
