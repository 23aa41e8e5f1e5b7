"""Ops dashboard for the settlement pipeline: queue depths, failed payouts, retries."""
import datetime as dt
import os

import redis
from flask import Flask, abort, flash, redirect, render_template, request, url_for
from sqlalchemy import create_engine, text

app = Flask(__name__)
app.config["SECRET_KEY"] = "settlement-ops-dashboard-key"  # VULN

engine = create_engine(os.environ.get("SETTLEMENT_DB_URL", "postgresql://ops@db/settlement"),
                       pool_pre_ping=True)
queues = redis.Redis.from_url(os.environ.get("QUEUE_REDIS_URL", "redis://localhost:6379/0"))

QUEUE_NAMES = ["payouts:pending", "payouts:retry", "captures:pending", "chargebacks:inbox"]


def queue_depths() -> dict:
    return {name: queues.llen(name) for name in QUEUE_NAMES}


def failed_payouts(since: dt.datetime):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT id, merchant_id, amount_cents, currency, failure_code, updated_at "
                 "FROM payouts WHERE status = 'failed' AND updated_at >= :since "
                 "ORDER BY updated_at DESC LIMIT 100"),
            {"since": since},
        ).mappings().all()


@app.route("/")
def index():
    hours = request.args.get("hours", default=24, type=int)
    hours = max(1, min(hours, 168))
    since = dt.datetime.utcnow() - dt.timedelta(hours=hours)
    return render_template("ops/index.html", depths=queue_depths(),
                           failures=failed_payouts(since), hours=hours)


@app.route("/payouts/<int:payout_id>/retry", methods=["POST"])
def retry_payout(payout_id: int):
    with engine.begin() as conn:
        row = conn.execute(text("SELECT status FROM payouts WHERE id = :id"),
                           {"id": payout_id}).first()
        if row is None:
            abort(404)
        if row.status != "failed":
            flash(f"payout {payout_id} is {row.status}, not retrying")
            return redirect(url_for("index"))
        conn.execute(text("UPDATE payouts SET status = 'queued', attempts = attempts + 1 "
                          "WHERE id = :id"), {"id": payout_id})
    queues.rpush("payouts:retry", str(payout_id))
    flash(f"payout {payout_id} re-queued")
    return redirect(url_for("index"))


@app.route("/healthz")
def healthz():
    queues.ping()
    return {"ok": True, "ts": dt.datetime.utcnow().isoformat()}


if __name__ == "__main__":
    port = int(os.environ.get("OPS_DASHBOARD_PORT", "8050"))
    app.run(host="0.0.0.0", port=port, debug=True)  # VULN
