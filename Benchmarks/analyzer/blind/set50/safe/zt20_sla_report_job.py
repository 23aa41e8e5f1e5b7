"""Monthly SLA report generator (cron): pulls availability from the TSDB API and mails a CSV."""
import csv
import datetime as dt
import logging
import os
import shutil
import smtplib
import tempfile
from email.message import EmailMessage

import requests

log = logging.getLogger("sla-report")

TSDB_URL = os.environ.get("TSDB_URL", "https://tsdb.noc.internal")
REPORT_DIR = os.environ.get("SLA_REPORT_DIR", "/srv/reports/sla")
SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
RECIPIENTS = [r for r in os.environ.get("SLA_RECIPIENTS", "").split(",") if r]


def previous_month(today: dt.date):
    first = today.replace(day=1)
    end = first - dt.timedelta(days=1)
    return end.replace(day=1), end


def fetch_availability(start: dt.date, end: dt.date):
    resp = requests.get(f"{TSDB_URL}/api/v1/sla",
                        params={"start": start.isoformat(), "end": end.isoformat()}, timeout=60)
    resp.raise_for_status()
    return resp.json()["services"]


def write_csv(rows) -> str:
    fd, path = tempfile.mkstemp(prefix="sla_", suffix=".csv")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["service", "availability_pct", "downtime_min", "incidents"])
        for row in rows:
            writer.writerow([row["name"], f"{row['availability'] * 100:.3f}", row["downtime_min"], row["incidents"]])
    return path


def publish(tmp_path: str, month: dt.date) -> str:
    os.makedirs(REPORT_DIR, mode=0o750, exist_ok=True)
    final = os.path.join(REPORT_DIR, f"sla-{month:%Y-%m}.csv")
    shutil.move(tmp_path, final)
    os.chmod(final, 0o640)
    return final


def mail_report(path: str, month: dt.date) -> None:
    if not RECIPIENTS:
        log.info("no recipients configured, skipping mail")
        return
    msg = EmailMessage()
    msg["Subject"] = f"Network SLA report {month:%B %Y}"
    msg["From"] = "noc-reports@example.com"
    msg["To"] = ", ".join(RECIPIENTS)
    msg.set_content("Attached is the monthly availability report.")
    with open(path, "rb") as fh:
        msg.add_attachment(fh.read(), maintype="text", subtype="csv", filename=os.path.basename(path))
    with smtplib.SMTP(SMTP_HOST, timeout=30) as smtp:
        smtp.send_message(msg)


def main():
    logging.basicConfig(level=logging.INFO)
    start, end = previous_month(dt.date.today())
    rows = fetch_availability(start, end)
    final = publish(write_csv(rows), start)
    mail_report(final, start)
    log.info("SLA report for %s written to %s", start.strftime("%Y-%m"), final)


if __name__ == "__main__":
    main()
