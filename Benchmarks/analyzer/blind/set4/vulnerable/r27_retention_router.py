import datetime as dt
import os

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy import create_engine, text

from .security import require_admin

router = APIRouter(prefix="/maintenance", dependencies=[Depends(require_admin)])
engine = create_engine(os.environ["WAREHOUSE_URL"], pool_pre_ping=True)


class RetentionRequest(BaseModel):
    table: str
    keep_days: int = 90


def purge_older_than(table: str, cutoff: dt.date) -> int:
    stmt = text(f"DELETE FROM analytics.{table} WHERE event_date < :cutoff")
    with engine.begin() as conn:
        result = conn.execute(stmt, {"cutoff": cutoff})  # VULN flow
    return result.rowcount


@router.post("/retention")
def apply_retention(req: RetentionRequest):
    cutoff = dt.date.today() - dt.timedelta(days=req.keep_days)
    deleted = purge_older_than(req.table, cutoff)
    return {"table": req.table, "cutoff": cutoff.isoformat(), "deleted": deleted}
