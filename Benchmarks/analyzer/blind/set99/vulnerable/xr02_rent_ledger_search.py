"""Back-office rent ledger search endpoint."""
import logging
from decimal import Decimal

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

BASE_SQL = """
    SELECT l.id, u.unit_number, t.full_name, l.posted_on, l.amount_cents, l.memo
    FROM ledger_entry l
    JOIN unit u ON u.id = l.unit_id
    JOIN tenant t ON t.id = l.tenant_id
    WHERE l.property_id = {property_id}
"""


class LedgerQuery:
    """Filters coming from the ledger search form."""

    def __init__(self, property_id, unit=None, memo=None, since=None):
        self.property_id = property_id
        self.unit = unit
        self.memo = memo
        self.since = since

    @classmethod
    def from_request(cls, request):
        property_id = int(request.GET["property"])
        return cls(
            property_id,
            unit=request.GET.get("unit") or None,
            memo=request.GET.get("memo") or None,
            since=request.GET.get("since") or None,
        )

    def to_sql(self):
        sql = BASE_SQL.format(property_id=self.property_id)
        if self.unit:
            sql += " AND u.unit_number = '%s'" % self.unit.strip()
        if self.memo:
            sql += " AND l.memo ILIKE '%" + self.memo + "%'"
        if self.since:
            sql += f" AND l.posted_on >= '{self.since}'"
        return sql + " ORDER BY l.posted_on DESC LIMIT 500"


def _row_to_dict(row):
    entry_id, unit, tenant, posted_on, amount_cents, memo = row
    return {
        "id": entry_id,
        "unit": unit,
        "tenant": tenant,
        "posted_on": posted_on.isoformat(),
        "amount": str(Decimal(amount_cents) / 100),
        "memo": memo,
    }


@require_GET
@login_required
@permission_required("ledger.view_ledgerentry", raise_exception=True)
def ledger_search(request):
    try:
        query = LedgerQuery.from_request(request)
    except (KeyError, ValueError):
        return HttpResponseBadRequest("property is required")

    sql = query.to_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql)  # VULN flow
        rows = cursor.fetchall()

    logger.debug("ledger search returned %d rows", len(rows))
    total = sum(r[4] for r in rows)
    return JsonResponse(
        {
            "entries": [_row_to_dict(r) for r in rows],
            "total": str(Decimal(total) / 100),
        }
    )
