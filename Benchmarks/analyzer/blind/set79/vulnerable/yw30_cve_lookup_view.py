"""CVE search endpoint for the vulnerability-management dashboard
(vulnmgmt/api/views.py). Runs against the denormalised reporting tables,
hence raw SQL instead of the ORM."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger("vulnmgmt.cve")

COLUMNS = ("cve_id", "cvss", "vendor", "product", "summary", "published")


def _search_sql(term: str, min_cvss: float, vendor: str) -> str:
    sql = (
        "SELECT cve_id, cvss, vendor, product, summary, published "
        "FROM report_cve WHERE cvss >= %.1f" % min_cvss
    )
    if term:
        sql += f" AND (cve_id = '{term.upper()}' OR summary ILIKE '%{term}%')"
    if vendor:
        sql += f" AND vendor = '{vendor.lower()}'"
    return sql + " ORDER BY cvss DESC, published DESC LIMIT 100"


@login_required
@require_GET
def cve_search(request):
    term = request.GET.get("q", "").strip()
    vendor = request.GET.get("vendor", "").strip()
    try:
        min_cvss = float(request.GET.get("min_cvss", "0"))
    except ValueError:
        return JsonResponse({"error": "min_cvss must be numeric"}, status=400)

    query = _search_sql(term, min_cvss, vendor)
    with connection.cursor() as cur:
        cur.execute(query)  # VULN flow
        rows = [dict(zip(COLUMNS, r)) for r in cur.fetchall()]

    if not rows:
        logger.warning("cve search returned nothing: q=%s vendor=%s user=%s", term, vendor, request.user.pk)  # VULN flow
    return JsonResponse({"count": len(rows), "results": rows})


@login_required
@require_GET
def cve_detail(request, cve_id: str):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT cve_id, cvss, vendor, product, summary, published FROM report_cve WHERE cve_id = %s",
            [cve_id.upper()],
        )
        row = cur.fetchone()
    if row is None:
        return JsonResponse({"error": "unknown CVE"}, status=404)
    return JsonResponse(dict(zip(COLUMNS, row)))
