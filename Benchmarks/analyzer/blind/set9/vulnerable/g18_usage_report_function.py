"""Azure Function: nightly usage report exported to blob storage."""
import csv
import datetime as dt
import logging
import os
import tempfile

import azure.functions as func
import pyodbc
from azure.storage.blob import BlobServiceClient

app = func.FunctionApp()

REPORT_CONTAINER = "usage-reports"
USAGE_SQL = (
    "SELECT tenant_id, tenant_name, api_calls, storage_gb, billed_eur "
    "FROM dbo.daily_usage WHERE usage_date = ?"
)


def fetch_usage(day: dt.date) -> list:
    with pyodbc.connect(os.environ["USAGE_DB_CONNECTION"]) as conn:
        cursor = conn.cursor()
        cursor.execute(USAGE_SQL, day)
        return cursor.fetchall()


def upload(path: str, blob_name: str) -> None:
    service = BlobServiceClient.from_connection_string(os.environ["REPORTS_STORAGE_CONNECTION"])
    blob = service.get_blob_client(container=REPORT_CONTAINER, blob=blob_name)
    with open(path, "rb") as fh:
        blob.upload_blob(fh, overwrite=True)


@app.timer_trigger(schedule="0 15 2 * * *", arg_name="timer", run_on_startup=False)
def nightly_usage_report(timer: func.TimerRequest) -> None:
    day = dt.date.today() - dt.timedelta(days=1)
    rows = fetch_usage(day)
    logging.info("exporting %d usage rows for %s", len(rows), day)

    path = tempfile.mktemp(prefix="usage_", suffix=".csv")  # VULN
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["tenant_id", "tenant_name", "api_calls", "storage_gb", "billed_eur"])
        for row in rows:
            writer.writerow(list(row))
    os.chmod(path, 0o777)  # VULN

    try:
        upload(path, f"{day:%Y/%m}/usage_{day.isoformat()}.csv")
    finally:
        os.remove(path)
    logging.info("usage report uploaded")
