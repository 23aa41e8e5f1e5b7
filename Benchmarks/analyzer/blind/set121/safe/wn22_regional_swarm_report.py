"""Regional swarm statistics for the association's public stats page."""
import logging
from datetime import date

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from .models import SwarmReport

log = logging.getLogger("swarmstats")

SUMMARY_SQL = (
    "SELECT county, COUNT(*) AS swarms, AVG(cluster_size_kg) AS avg_kg, "
    "SUM(CASE WHEN collected THEN 1 ELSE 0 END) AS collected "
    "FROM swarms_swarmreport "
    "WHERE region = %s AND EXTRACT(YEAR FROM reported_on) = %s "
    "GROUP BY county ORDER BY swarms DESC"
)


def _year_param(request) -> int:
    try:
        return int(request.GET.get("year", date.today().year))
    except ValueError:
        return date.today().year


@require_GET
@cache_page(300)
def region_summary(request):
    region = request.GET.get("region", "").strip()
    if not region:
        return JsonResponse({"error": "region is required"}, status=400)
    year = _year_param(request)
    with connection.cursor() as cur:
        cur.execute(SUMMARY_SQL, [region, year])
        columns = [c[0] for c in cur.description]
        rows = [dict(zip(columns, r)) for r in cur.fetchall()]
    return JsonResponse({"region": region, "year": year, "counties": rows})


@require_GET
def county_reports(request, region):
    county = request.GET.get("county", "")
    qs = SwarmReport.objects.filter(region=region, reported_on__year=_year_param(request))
    if county:
        qs = qs.extra(where=["county = %s"], params=[county])
    data = list(
        qs.order_by("-reported_on").values("reported_on", "town", "cluster_size_kg", "collected")[:200]
    )
    log.debug("county report %r/%r: %d rows", region, county, len(data))
    return JsonResponse({"region": region, "county": county, "reports": data})
