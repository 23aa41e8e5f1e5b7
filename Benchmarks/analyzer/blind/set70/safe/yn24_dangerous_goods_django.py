"""Views for the IMDG dangerous-goods catalogue and segregation checker."""
import logging

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

from .models import DangerousGoodsEntry

log = logging.getLogger(__name__)

COLUMNS = ("un_number", "proper_name", "imdg_class", "packing_group", "segregation_group")


def _segregation_query(un_numbers, imdg_class=None):
    in_list = ",".join(["%s"] * len(un_numbers))
    params = [u.strip() for u in un_numbers]
    sql = (
        "SELECT un_number, proper_name, imdg_class, packing_group, segregation_group "
        "FROM dg_catalogue WHERE un_number IN (%s)" % in_list
    )
    if imdg_class:
        sql += " AND imdg_class = %s"
        params.append(imdg_class)
    return sql, params


@require_GET
def check_segregation(request):
    uns = [u for u in request.GET.getlist("un") if u]
    if not uns or len(uns) > 50:
        return HttpResponseBadRequest("provide 1-50 UN numbers")
    query, params = _segregation_query(uns, request.GET.get("class"))
    with connection.cursor() as cur:
        cur.execute(query, params)
        rows = [dict(zip(COLUMNS, r)) for r in cur.fetchall()]
    groups = {}
    for row in rows:
        groups.setdefault(row["segregation_group"], []).append(row["un_number"])
    conflicts = [g for g, members in groups.items() if g and len(members) > 1]
    return JsonResponse({"entries": rows, "conflicting_groups": conflicts})


@require_GET
def low_flashpoint(request):
    try:
        max_fp = float(request.GET.get("max_flash_point", "23"))
    except ValueError:
        return HttpResponseBadRequest("max_flash_point must be numeric")
    entries = DangerousGoodsEntry.objects.raw(
        "SELECT * FROM dg_catalogue WHERE flash_point_c <= %s ORDER BY flash_point_c", [max_fp]
    )
    return JsonResponse({
        "entries": [
            {"un_number": e.un_number, "name": e.proper_name, "flash_point_c": e.flash_point_c}
            for e in entries
        ]
    })


@require_GET
def entry_detail(request, un_number):
    try:
        e = DangerousGoodsEntry.objects.get(un_number=un_number)
    except DangerousGoodsEntry.DoesNotExist:
        return JsonResponse({"error": "unknown UN number"}, status=404)
    return JsonResponse({c: getattr(e, c) for c in COLUMNS})
