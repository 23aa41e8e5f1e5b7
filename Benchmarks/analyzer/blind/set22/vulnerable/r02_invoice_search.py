"""Billing API: invoice search router."""
from datetime import date
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import text
from sqlalchemy.orm import Session

from billing.auth import current_tenant
from billing.db import get_session

router = APIRouter(prefix="/invoices", tags=["invoices"])

SORTABLE = {"issued": "issued_on", "amount": "total_cents", "customer": "customer_name"}
STATUSES = ("draft", "open", "paid", "void")


class InvoiceFilters:
    def __init__(
        self,
        customer: Optional[str] = Query(None, max_length=120),
        status: Optional[str] = Query(None),
        since: Optional[date] = Query(None),
        sort: str = Query("issued"),
    ):
        self.customer = customer
        self.status = status
        self.since = since
        self.sort = SORTABLE.get(sort, "issued_on")


def build_where(tenant_id: int, filters: InvoiceFilters) -> str:
    clauses = [f"tenant_id = {int(tenant_id)}"]
    if filters.customer:
        clauses.append(f"customer_name ILIKE '%{filters.customer}%'")
    if filters.status:
        clauses.append(f"status = '{filters.status}'")
    if filters.since:
        clauses.append(f"issued_on >= '{filters.since.isoformat()}'")
    return " AND ".join(clauses)


@router.get("/search")
def search_invoices(
    filters: InvoiceFilters = Depends(),
    tenant=Depends(current_tenant),
    db: Session = Depends(get_session),
    limit: int = Query(50, ge=1, le=500),
):
    where = build_where(tenant.id, filters)
    sql = (
        "SELECT id, number, customer_name, status, total_cents, issued_on "
        f"FROM invoices WHERE {where} ORDER BY {filters.sort} DESC LIMIT {limit}"
    )
    rows = db.execute(text(sql)).mappings().all()  # VULN flow
    if not rows and filters.customer is None and filters.status is None:
        raise HTTPException(status_code=404, detail="no invoices for tenant")
    return {"count": len(rows), "items": [dict(r) for r in rows]}


@router.get("/{invoice_id}")
def get_invoice(invoice_id: int, tenant=Depends(current_tenant), db: Session = Depends(get_session)):
    row = db.execute(
        text("SELECT * FROM invoices WHERE id = :id AND tenant_id = :tenant"),
        {"id": invoice_id, "tenant": tenant.id},
    ).mappings().first()
    if row is None:
        raise HTTPException(status_code=404, detail="invoice not found")
    return dict(row)
