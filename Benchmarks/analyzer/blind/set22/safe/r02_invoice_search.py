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


def build_where(tenant_id: int, filters: InvoiceFilters):
    clauses = ["tenant_id = :tenant_id"]
    params = {"tenant_id": int(tenant_id)}
    if filters.customer:
        clauses.append("customer_name ILIKE :customer")
        params["customer"] = f"%{filters.customer}%"
    if filters.status:
        clauses.append("status = :status")
        params["status"] = filters.status
    if filters.since:
        clauses.append("issued_on >= :since")
        params["since"] = filters.since
    return " AND ".join(clauses), params


@router.get("/search")
def search_invoices(
    filters: InvoiceFilters = Depends(),
    tenant=Depends(current_tenant),
    db: Session = Depends(get_session),
    limit: int = Query(50, ge=1, le=500),
):
    where, params = build_where(tenant.id, filters)
    params["limit"] = limit
    # only bind-parameter names and allow-listed column names are interpolated
    sql = (
        "SELECT id, number, customer_name, status, total_cents, issued_on "
        f"FROM invoices WHERE {where} ORDER BY {filters.sort} DESC LIMIT :limit"
    )
    rows = db.execute(text(sql), params).mappings().all()
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
