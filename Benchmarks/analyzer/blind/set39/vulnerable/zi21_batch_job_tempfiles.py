import csv
import logging
import os
import tempfile
from datetime import date, timedelta

import boto3
import psycopg2
from apscheduler.schedulers.blocking import BlockingScheduler

logger = logging.getLogger("hr.timesheet_export")

EXPORT_BUCKET = os.environ.get("TIMESHEET_BUCKET", "hr-timesheet-exports")
HEADER = ["employee_id", "cost_center", "work_date", "hours", "overtime_hours"]


def previous_week(today):
    start = today - timedelta(days=today.weekday() + 7)
    return start, start + timedelta(days=6)


def fetch_rows(start, end):
    with psycopg2.connect(os.environ["HR_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT employee_id, cost_center, work_date, hours, overtime_hours "
            "FROM timesheet_entries WHERE work_date BETWEEN %s AND %s AND approved "
            "ORDER BY employee_id, work_date",
            (start, end),
        )
        yield from cur


def write_report(rows):
    tmp_path = tempfile.mktemp(prefix="timesheets-", suffix=".csv")  # VULN
    count = 0
    with open(tmp_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow(row)
            count += 1
    return tmp_path, count


def export_timesheets():
    start, end = previous_week(date.today())
    path, count = write_report(fetch_rows(start, end))
    try:
        key = f"weekly/{start:%Y}/timesheets-{start.isoformat()}.csv"
        boto3.client("s3").upload_file(
            path, EXPORT_BUCKET, key, ExtraArgs={"ServerSideEncryption": "aws:kms"}
        )
        logger.info("exported %d timesheet rows to s3://%s/%s", count, EXPORT_BUCKET, key)
    finally:
        os.unlink(path)


def main():
    logging.basicConfig(level=logging.INFO)
    scheduler = BlockingScheduler(timezone="UTC")
    scheduler.add_job(export_timesheets, "cron", day_of_week="mon", hour=2, minute=15)
    scheduler.start()


if __name__ == "__main__":
    main()
