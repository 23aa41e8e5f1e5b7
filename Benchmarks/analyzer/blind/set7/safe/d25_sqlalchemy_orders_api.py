import os
from datetime import date
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["ORDERS_DB_URL"], pool_pre_ping=True)
app = FastAPI(title="orders-api")

SORTS = {
    "newest": "created_at DESC",
    "oldest": "created_at ASC",
    "total_desc": "total_cents DESC",
    "total_asc": "total_cents ASC",
}


class OrderFilter(BaseModel):
    status: Optional[str] = None
    since: Optional[date] = None
    sort: str = "newest"
    limit: int = Field(50, ge=1, le=500)


class NotePatch(BaseModel):
    note: str = Field(..., max_length=2000)


def build_order_query(flt: OrderFilter):
    order_by = SORTS.get(flt.sort)
    if order_by is None:
        raise HTTPException(status_code=422, detail=f"sort must be one of {sorted(SORTS)}")
    clauses, params = [], {"limit": flt.limit}
    if flt.status:
        clauses.append("status = :status")
        params["status"] = flt.status
    if flt.since:
        clauses.append("created_at >= :since")
        params["since"] = flt.since
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT id, customer_id, total_cents, status, created_at FROM orders {where} ORDER BY {order_by} LIMIT :limit"
    return sql, params


@app.post("/orders/search")
def search_orders(flt: OrderFilter):
    sql, params = build_order_query(flt)
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).mappings().all()
    return {"orders": [dict(r) for r in rows]}


@app.patch("/orders/{order_id}/note")
def set_note(order_id: int, patch: NotePatch):
    with engine.begin() as conn:
        result = conn.execute(text("UPDATE orders SET note = :note WHERE id = :id"), {"note": patch.note, "id": order_id})
    if result.rowcount == 0:
        raise HTTPException(status_code=404, detail="order not found")
    return {"ok": True}
