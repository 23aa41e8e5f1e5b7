"""Usage reporting endpoints for tenant administrators."""
import csv
import io
import logging
import sqlite3
from datetime import date

from flask import Blueprint, Response, current_app, g, jsonify, request

from .auth import require_tenant_admin

bp = Blueprint("tenant_reports", __name__, url_prefix="/reports")
logger = logging.getLogger(__name__)

ALLOWED_PERIODS = {"daily", "weekly", "monthly"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["REPORTS_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@bp.teardown_app_request
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def _build_usage_query(tenant, period):
    return (
        "SELECT metric, SUM(value) AS total FROM usage "
        f"WHERE tenant = '{tenant}' AND period = '{period}' "
        "GROUP BY metric ORDER BY metric"
    )


def _serialize(rows):
    return [{"metric": row["metric"], "total": row["total"]} for row in rows]


@bp.route("/<tenant>/usage")
@require_tenant_admin
def usage(tenant):
    period = request.args.get("period", "monthly")
    if period not in ALLOWED_PERIODS:
        return jsonify(error="unknown period"), 400
    query = _build_usage_query(tenant, period)
    rows = get_db().execute(query).fetchall()  # VULN flow
    return jsonify(tenant=tenant, period=period, rows=_serialize(rows))


@bp.route("/<tenant>/export", methods=["POST"])
@require_tenant_admin
def export(tenant):
    requested_by = request.headers.get("X-Requested-By", "unknown")
    logger.info(f"usage export for {tenant} requested by {requested_by}")  # VULN flow
    rows = get_db().execute(
        "SELECT metric, period, value FROM usage WHERE tenant = ? ORDER BY period",
        (tenant,),
    ).fetchall()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["metric", "period", "value"])
    for row in rows:
        writer.writerow([row["metric"], row["period"], row["value"]])
    filename = f"usage-{date.today().isoformat()}.csv"
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )
