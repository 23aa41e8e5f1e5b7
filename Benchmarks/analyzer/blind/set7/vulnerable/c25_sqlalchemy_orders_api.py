import os
from datetime import date
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["ORDERS_DB_URL"], pool_pre_ping=True)
app = FastAPI(title="orders-api")


class OrderFilter(BaseModel):
    status: Optional[str] = None
    since: Optional[date] = None
    sort: str = "created_at DESC"
    limit: int = 50


class NotePatch(BaseModel):
    note: str


def build_order_query(flt: OrderFilter):
    clauses, params = [], {"limit": min(flt.limit, 500)}
    if flt.status:
        clauses.append("status = :status")
        params["status"] = flt.status
    if flt.since:
        clauses.append("created_at >= :since")
        params["since"] = flt.since
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT id, customer_id, total_cents, status, created_at FROM orders {where} ORDER BY {flt.sort} LIMIT :limit"
    return sql, params


@app.post("/orders/search")
def search_orders(flt: OrderFilter):
    sql, params = build_order_query(flt)
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).mappings().all()  # VULN flow
    return {"orders": [dict(r) for r in rows]}


@app.patch("/orders/{order_id}/note")
def set_note(order_id: int, patch: NotePatch):
    with engine.begin() as conn:
        result = conn.execute(text("UPDATE orders SET note = '%s' WHERE id = :id" % patch.note), {"id": order_id})  # VULN flow
    if result.rowcount == 0:
        raise HTTPException(status_code=404, detail="order not found")
    return {"ok": True}
