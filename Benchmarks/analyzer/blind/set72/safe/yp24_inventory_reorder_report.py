"""Store-level inventory / reorder report for pharmacy managers (Django)."""
import csv
import logging

from django.contrib.auth.decorators import permission_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("inventory.reports")

REPORT_SQL = """
SELECT i.ndc, i.drug_name, i.on_hand, i.par_level, i.on_order,
       s.name AS supplier, i.last_received, i.schedule
  FROM inventory_item i
  LEFT JOIN inventory_supplier s ON s.id = i.supplier_id
 WHERE i.store_id = %(store)s
"""
COLUMNS = ["ndc", "drug_name", "on_hand", "par_level", "on_order", "supplier", "last_received", "schedule"]
SORTABLE = {
    "drug_name": "i.drug_name",
    "ndc": "i.ndc",
    "on_hand": "i.on_hand",
    "supplier": "s.name",
    "last_received": "i.last_received",
}


def report_options(params) -> dict:
    return {
        "supplier": params.get("supplier", "").strip(),
        "schedule": params.get("schedule", "").strip(),
        "sort": SORTABLE.get(params.get("sort", "drug_name"), "i.drug_name"),
        "direction": "DESC" if params.get("desc") == "1" else "ASC",
        "below_par": params.get("below_par") == "1",
    }


def build_report_sql(opts: dict) -> str:
    sql = REPORT_SQL
    if opts["supplier"]:
        sql += " AND s.name = %(supplier)s"
    if opts["schedule"]:
        sql += " AND i.schedule = %(schedule)s"
    if opts["below_par"]:
        sql += " AND i.on_hand + i.on_order < i.par_level"
    sql += " ORDER BY %s %s" % (opts["sort"], opts["direction"])
    return sql


def run_report(store_id: int, opts: dict):
    sql = build_report_sql(opts)
    params = {"store": store_id, "supplier": opts["supplier"], "schedule": opts["schedule"]}
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


@require_GET
@permission_required("inventory.view_report", raise_exception=True)
def reorder_report(request, store_id: int):
    opts = report_options(request.GET)
    rows = run_report(store_id, opts)
    if request.GET.get("format") == "csv":
        resp = HttpResponse(content_type="text/csv")
        resp["Content-Disposition"] = 'attachment; filename="reorder_%d.csv"' % store_id
        writer = csv.writer(resp)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        return resp
    return JsonResponse({"store": store_id, "rows": [dict(zip(COLUMNS, r)) for r in rows]},
                        json_dumps_params={"default": str})
