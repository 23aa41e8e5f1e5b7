#!/usr/bin/env python3
"""Builds the weekly sales CSV and mails it to the regional managers."""
import argparse
import csv
import datetime
import os
import smtplib
import sqlite3
import tempfile
from email.message import EmailMessage

QUERY = """
SELECT region, product, SUM(quantity) AS units, SUM(quantity * unit_price) AS revenue
FROM sales
WHERE sold_on BETWEEN ? AND ?
GROUP BY region, product
ORDER BY region, revenue DESC
"""


def week_bounds(today: datetime.date):
    start = today - datetime.timedelta(days=today.weekday() + 7)
    return start, start + datetime.timedelta(days=6)


def write_report(db_path: str, start: datetime.date, end: datetime.date) -> str:
    fd, path = tempfile.mkstemp(prefix="sales-", suffix=".csv")
    with sqlite3.connect(db_path) as conn, os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["region", "product", "units", "revenue"])
        for row in conn.execute(QUERY, (start.isoformat(), end.isoformat())):
            writer.writerow(row)
    return path


def send_report(path: str, recipients: list, start: datetime.date, smtp_host: str):
    msg = EmailMessage()
    msg["Subject"] = f"Weekly sales report ({start:%d %b %Y})"
    msg["From"] = "reports@example.com"
    msg["To"] = ", ".join(recipients)
    msg.set_content("The weekly sales report is attached.")
    with open(path, "rb") as fh:
        msg.add_attachment(fh.read(), maintype="text", subtype="csv", filename=os.path.basename(path))
    with smtplib.SMTP(smtp_host, 587, timeout=30) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="/var/lib/shop/sales.db")
    parser.add_argument("--smtp-host", default="smtp.example.com")
    parser.add_argument("recipients", nargs="+")
    args = parser.parse_args()
    start, end = week_bounds(datetime.date.today())
    path = write_report(args.db, start, end)
    try:
        send_report(path, args.recipients, start, args.smtp_host)
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
