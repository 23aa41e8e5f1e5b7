"""Usage reporting API for the billing team, plus the metering webhook receiver."""
import hashlib
import hmac
import os
from datetime import date
from typing import Iterator, Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine(os.environ.get("USAGE_DB_URL", "postgresql+psycopg2://localhost/usage"),
                       pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
WEBHOOK_SECRET = os.environ["METERING_WEBHOOK_SECRET"]
app = FastAPI(title="usage-reports")


class ReportFilters(BaseModel):
    region: str
    since: date
    plan: Optional[str] = None


def get_session() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session


class UsageReportService:
    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def _where(f: ReportFilters) -> str:
        clauses = [f"region = '{f.region}'", f"day >= '{f.since.isoformat()}'"]
        if f.plan:
            clauses.append(f"plan = '{f.plan}'")
        return " AND ".join(clauses)

    def totals(self, f: ReportFilters) -> list[dict]:
        stmt = text(
            "SELECT plan, SUM(units) AS units, COUNT(DISTINCT account_id) AS accounts "
            f"FROM usage_daily WHERE {self._where(f)} GROUP BY plan ORDER BY units DESC"
        )
        return [dict(row._mapping) for row in self.session.execute(stmt)]  # VULN flow

    def record(self, account_id: str, region: str, plan: str, units: int, day: date) -> None:
        self.session.execute(
            text("INSERT INTO usage_daily (account_id, region, plan, units, day) "
                 "VALUES (:a, :r, :p, :u, :d) ON CONFLICT (account_id, day) "
                 "DO UPDATE SET units = usage_daily.units + EXCLUDED.units"),
            {"a": account_id, "r": region, "p": plan, "u": units, "d": day},
        )
        self.session.commit()


def verify_signature(body: bytes, signature: str) -> bool:
    expected = hashlib.md5(WEBHOOK_SECRET.encode() + body).hexdigest()  # VULN
    return hmac.compare_digest(expected, signature)


@app.post("/reports/usage")
def usage_report(filters: ReportFilters, session: Session = Depends(get_session)):
    return {"filters": filters.model_dump(mode="json"),
            "rows": UsageReportService(session).totals(filters)}


@app.post("/webhooks/metering", status_code=204)
async def metering_webhook(request: Request, x_signature: str = Header(...),
                           session: Session = Depends(get_session)):
    body = await request.body()
    if not verify_signature(body, x_signature):
        raise HTTPException(401, "bad signature")
    event = await request.json()
    UsageReportService(session).record(event["account_id"], event["region"], event["plan"],
                                       int(event["units"]), date.fromisoformat(event["day"]))
