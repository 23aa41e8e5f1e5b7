"""Sales dashboard queries for the regional bakery franchise."""
import logging
from datetime import date
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import text
from sqlalchemy.orm import Session

from .deps import get_db, require_manager

router = APIRouter(prefix="/reports", tags=["reports"], dependencies=[Depends(require_manager)])
log = logging.getLogger("bakery.reports")

DIMENSIONS = {"store": "store_id", "product": "product_sku", "day": "sale_date"}


class ReportFilter:
    def __init__(
        self,
        region: str = Query(..., max_length=40),
        start: date = Query(...),
        end: date = Query(...),
        dimension: str = Query("store"),
        product_prefix: Optional[str] = Query(None, max_length=20),
    ):
        self.region = region
        self.start = start
        self.end = end
        self.dimension = dimension
        self.product_prefix = product_prefix

    def where(self):
        clause = "region = :region AND sale_date BETWEEN :start AND :end"
        params = {"region": self.region, "start": self.start, "end": self.end}
        if self.product_prefix:
            clause += " AND product_sku LIKE :prefix"
            params["prefix"] = self.product_prefix + "%"
        return clause, params


@router.get("/summary")
def summary(flt: ReportFilter = Depends(), db: Session = Depends(get_db)):
    if flt.end < flt.start:
        raise HTTPException(400, "end must not be before start")
    column = DIMENSIONS.get(flt.dimension)
    if column is None:
        raise HTTPException(400, "dimension must be one of: " + ", ".join(DIMENSIONS))
    where, params = flt.where()
    sql = (
        f"SELECT {column} AS bucket, SUM(quantity) AS units, SUM(amount) AS revenue "
        f"FROM sales WHERE {where} GROUP BY {column} ORDER BY revenue DESC"
    )
    rows = db.execute(text(sql), params).mappings().all()
    log.info("summary report produced %d buckets", len(rows))
    return {"dimension": flt.dimension, "rows": [dict(r) for r in rows]}


@router.get("/top-products")
def top_products(region: str = Query(..., max_length=40), limit: int = Query(10, le=100), db: Session = Depends(get_db)):
    rows = db.execute(text(f"SELECT product_sku, SUM(quantity) AS units FROM sales WHERE region = :region GROUP BY product_sku ORDER BY units DESC LIMIT {limit}"), {"region": region}).mappings().all()
    return {"region": region, "products": [dict(r) for r in rows]}
