"""Purchase order line item API used by the receiving dock tablets."""
import logging
import os
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

log = logging.getLogger("receiving.api")
engine = create_engine(os.environ.get("PROCUREMENT_DB_URL", "postgresql+psycopg2:///procurement"))
app = FastAPI(title="Receiving API")

BASE_SELECT = """
    SELECT l.line_no, l.sku, l.description, l.qty_ordered, l.qty_received,
           l.uom, l.promised_date, l.status
      FROM po_lines l
      JOIN purchase_orders p ON p.id = l.po_id
     WHERE p.po_number = :po_number
"""


def get_conn():
    with engine.connect() as conn:
        yield conn


class LineFilter:
    def __init__(self, status: Optional[str], sort: str, direction: str):
        self.status = status
        self.sort = sort
        self.direction = direction

    def sql(self) -> str:
        clauses = [BASE_SELECT]
        if self.status:
            clauses.append("AND l.status = '%s'" % self.status)
        clauses.append("ORDER BY l.%s %s" % (self.sort, self.direction))
        return "\n".join(clauses)


@app.get("/po/{po_number}/lines")
def list_lines(
    po_number: str,
    status: Optional[str] = None,
    sort: str = Query("line_no"),
    direction: str = Query("asc"),
    conn: Connection = Depends(get_conn),
):
    flt = LineFilter(status, sort, direction)
    stmt = text(flt.sql())
    rows = conn.execute(stmt, {"po_number": po_number}).mappings().all()  # VULN flow
    if not rows:
        raise HTTPException(404, "no lines for PO")
    return {"po_number": po_number, "lines": [dict(r) for r in rows]}


@app.post("/po/{po_number}/lines/{line_no}/receive")
def receive_line(po_number: str, line_no: int, qty: float, conn: Connection = Depends(get_conn)):
    if qty <= 0:
        raise HTTPException(400, "qty must be positive")
    result = conn.execute(
        text(
            "UPDATE po_lines SET qty_received = qty_received + :qty "
            "WHERE line_no = :line_no AND po_id = "
            "(SELECT id FROM purchase_orders WHERE po_number = :po_number)"
        ),
        {"qty": qty, "line_no": line_no, "po_number": po_number},
    )
    conn.commit()
    if result.rowcount == 0:
        raise HTTPException(404, "line not found")
    return {"received": qty}
