"""Abuse report intake for the moderation queue (FastAPI)."""
import logging
import os
from datetime import datetime, timezone
from enum import Enum
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("trust_safety.reports")

AUDIT_PATH = os.environ.get("REPORT_AUDIT_PATH", "/var/log/trust_safety/reports.log")

app = FastAPI()


class Category(str, Enum):
    spam = "spam"
    harassment = "harassment"
    impersonation = "impersonation"
    nudity = "nudity"
    other = "other"


class AbuseReport(BaseModel):
    target_type: str = Field(pattern="^(post|comment|profile|message)$")
    target_id: int
    category: Category
    reason: str = Field(max_length=2000)
    evidence_url: Optional[str] = None


QUEUE = []


def reporter_id(x_user_id: str = Header(...)) -> str:
    if not x_user_id:
        raise HTTPException(status_code=401)
    return x_user_id


def _one_line(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def write_audit(line: str) -> None:
    with open(AUDIT_PATH, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def describe(report: AbuseReport, who: str) -> str:
    stamp = datetime.now(timezone.utc).isoformat()
    return (f"{stamp} reporter={_one_line(who)} target={report.target_type}:{report.target_id} "
            f"category={report.category.value} reason={_one_line(report.reason)}")


@app.post("/v1/reports", status_code=202)
def submit_report(report: AbuseReport, who: str = Depends(reporter_id)):
    summary = report.reason.strip()
    log.info("new %s report from %r: %r", report.category.value, who, summary)
    write_audit(describe(report, who))
    QUEUE.append({"reporter": who, **report.model_dump()})
    priority = "high" if report.category in (Category.harassment, Category.nudity) else "normal"
    return {"queued": True, "priority": priority, "position": len(QUEUE)}


@app.get("/v1/reports/pending")
def pending(limit: int = 50):
    return {"items": QUEUE[: max(1, min(limit, 200))]}
