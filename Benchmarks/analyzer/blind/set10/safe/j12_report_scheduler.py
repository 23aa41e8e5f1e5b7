import csv
import os
import random
import re
import subprocess
import tempfile

import psycopg2
from celery import Celery
from flask import Flask, jsonify, abort, session

celery = Celery("reports", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
web = Flask(__name__)
web.secret_key = os.environ["FLASK_SECRET_KEY"]
web.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict")
REPORTS = ("daily", "weekly", "monthly")
EMAIL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}$")


def query(sql, params):
    with psycopg2.connect(os.environ["REPORTS_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


@celery.task(bind=True, max_retries=3)
def email_report(self, report, user_id):
    if report not in REPORTS:
        return
    found = query("SELECT email FROM users WHERE id = %s", (user_id,))
    if not found or not EMAIL_RE.fullmatch(found[0][0]):
        return
    recipient = found[0][0]
    rows = query("SELECT day, orders, revenue FROM sales_summary WHERE period = %s ORDER BY day", (report,))
    preview = random.sample(rows, min(5, len(rows)))
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="sales_", newline="", delete=False) as fh:
        writer = csv.writer(fh)
        writer.writerow(["day", "orders", "revenue"])
        writer.writerows(rows)
        path = fh.name
    body = "\n".join(f"{d}: {o} orders, {r} revenue" for d, o, r in preview)
    try:
        subprocess.run(["mail", "-s", f"Sales report ({report})", "-A", path, "--", recipient],
                       input=body, text=True, check=True, timeout=60)
    except subprocess.CalledProcessError as exc:
        raise self.retry(exc=exc, countdown=120)
    finally:
        os.remove(path)


@web.post("/reports/<report>/email")
def schedule(report):
    if report not in REPORTS:
        abort(404)
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    email_report.delay(report, int(user_id))
    return jsonify({"queued": True}), 202
