"""Tenant report scheduler.

Merchants define recurring reports (sales summary, payout reconciliation, ...)
in the dashboard's YAML editor; specs land in the `report_schedules` table.
This daemon reloads them every minute and registers them with APScheduler.
"""
import hashlib
import logging
import os
import time
from dataclasses import dataclass

import psycopg2
import yaml
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from reports.runner import run_report

log = logging.getLogger("report-scheduler")
DSN = os.environ.get("REPORTS_DSN", "dbname=reports user=scheduler")
KNOWN_REPORTS = {"sales_summary", "payout_reconciliation", "refund_ledger", "inventory_snapshot"}


@dataclass
class ScheduleSpec:
    schedule_id: int
    tenant_id: int
    report: str
    cron: str
    params: dict
    recipients: list


def parse_spec(schedule_id: int, tenant_id: int, source: str) -> ScheduleSpec:
    doc = yaml.safe_load(source)
    if not isinstance(doc, dict):
        raise ValueError("spec must be a mapping")
    report = doc.get("report")
    if report not in KNOWN_REPORTS:
        raise ValueError(f"unknown report type {report!r}")
    return ScheduleSpec(
        schedule_id=schedule_id,
        tenant_id=tenant_id,
        report=report,
        cron=str(doc.get("cron", "0 6 * * *")),
        params=dict(doc.get("params") or {}),
        recipients=list(doc.get("recipients") or []),
    )


class SpecRegistry:
    def __init__(self, scheduler: BackgroundScheduler):
        self.scheduler = scheduler
        self.fingerprints = {}

    def sync(self, conn) -> None:
        with conn.cursor() as cur:
            cur.execute("SELECT id, tenant_id, spec_yaml FROM report_schedules WHERE enabled")
            rows = cur.fetchall()
        seen = set()
        for schedule_id, tenant_id, spec_yaml in rows:
            job_id = f"sched-{schedule_id}"
            seen.add(job_id)
            digest = hashlib.sha256(spec_yaml.encode()).hexdigest()
            if self.fingerprints.get(job_id) == digest:
                continue
            try:
                spec = parse_spec(schedule_id, tenant_id, spec_yaml)
            except (yaml.YAMLError, ValueError) as exc:
                log.warning("schedule %s rejected: %r", schedule_id, exc)
                continue
            self.scheduler.add_job(run_report, CronTrigger.from_crontab(spec.cron, timezone="UTC"),
                                   args=[spec.tenant_id, spec.report, spec.params, spec.recipients],
                                   id=job_id, replace_existing=True)
            self.fingerprints[job_id] = digest
            log.info("registered %s (%s) for tenant %s", job_id, spec.report, tenant_id)
        for stale in set(self.fingerprints) - seen:
            self.scheduler.remove_job(stale)
            del self.fingerprints[stale]


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.start()
    registry = SpecRegistry(scheduler)
    conn = psycopg2.connect(DSN)
    conn.autocommit = True
    while True:
        registry.sync(conn)
        time.sleep(60)


if __name__ == "__main__":
    main()
