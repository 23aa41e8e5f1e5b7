"""Loss-prevention report: manual price overrides at the register.

Regional LP managers filter by cashier and reason code to spot abuse
(sweethearting, unauthorised markdowns).
"""
import logging
from typing import Any, Dict, List, Optional, Tuple

from django.contrib.auth.decorators import permission_required
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)


class OverrideReport:
    base_sql = (
        "SELECT o.id, o.sku, o.original_price, o.override_price, o.reason_code, "
        "o.cashier_id, o.approved_by, o.created_at "
        "FROM pos_price_override o WHERE o.store_id = %s"
    )
    limit = 200

    def __init__(self, store_id: int, cashier: Optional[str] = None, reason: Optional[str] = None) -> None:
        self.store_id = store_id
        self.cashier = cashier
        self.reason = reason

    def sql(self) -> Tuple[str, list]:
        sql, params = self.base_sql, [self.store_id]
        if self.cashier:
            sql += " AND o.cashier_id = %s"
            params.append(self.cashier)
        if self.reason:
            sql += " AND o.reason_code = %s"
            params.append(self.reason.upper())
        params.append(self.limit)
        return sql + " ORDER BY o.created_at DESC LIMIT %s", params

    def rows(self) -> List[Dict[str, Any]]:
        with connection.cursor() as cur:
            sql, params = self.sql()
            cur.execute(sql, params)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]

    def summary(self, rows: List[Dict[str, Any]]) -> Dict[str, Any]:
        markdown = sum(float(r["original_price"]) - float(r["override_price"]) for r in rows)
        return {"overrides": len(rows), "markdown_total": round(markdown, 2)}


@require_GET
@permission_required("pos.view_priceoverride", raise_exception=True)
def override_report(request: HttpRequest, store_id: int) -> JsonResponse:
    report = OverrideReport(
        store_id,
        cashier=request.GET.get("cashier") or None,
        reason=request.GET.get("reason") or None,
    )
    rows = report.rows()
    log.info("override report for store %d: %d rows", store_id, len(rows))
    return JsonResponse(
        {"store": store_id, "summary": report.summary(rows), "rows": rows},
        json_dumps_params={"default": str},
    )
