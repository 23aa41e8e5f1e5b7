import csv
import os
import subprocess
import tempfile

import psycopg2
from celery import Celery
from flask import Flask, request, jsonify, abort

celery = Celery("reports", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
web = Flask(__name__)
REPORTS = ("daily", "weekly", "monthly")


def fetch_rows(report):
    with psycopg2.connect(os.environ["REPORTS_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT day, orders, revenue FROM sales_summary WHERE period = %s ORDER BY day",
            (report,),
        )
        return cur.fetchall()


@celery.task(bind=True, max_retries=3)
def email_report(self, report, recipient):
    rows = fetch_rows(report)
    path = tempfile.mktemp(suffix=".csv", prefix="sales_")  # VULN
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["day", "orders", "revenue"])
        writer.writerows(rows)
    cmd = f"mail -s 'Sales report ({report})' -A {path} {recipient} < /dev/null"
    try:
        subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow
    except subprocess.CalledProcessError as exc:
        raise self.retry(exc=exc, countdown=120)
    finally:
        os.remove(path)


@web.post("/reports/<report>/email")
def schedule(report):
    if report not in REPORTS:
        abort(404)
    recipient = (request.get_json(silent=True) or {}).get("to", "")
    if "@" not in recipient:
        abort(400)
    email_report.delay(report, recipient)
    return jsonify({"queued": True}), 202
