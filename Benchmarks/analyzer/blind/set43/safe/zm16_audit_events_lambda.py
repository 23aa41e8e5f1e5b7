"""AWS Lambda behind API Gateway: query the tenant audit trail stored in Postgres."""
import json
import logging
import os
from datetime import datetime, timedelta

import psycopg2
import psycopg2.extras

logger = logging.getLogger()
logger.setLevel(logging.INFO)

_conn = None
SORT_COLUMNS = {"created_at", "actor", "action"}


def get_conn():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(
            host=os.environ["AUDIT_DB_HOST"],
            dbname=os.environ.get("AUDIT_DB_NAME", "audit"),
            user=os.environ["AUDIT_DB_USER"],
            password=os.environ["AUDIT_DB_PASSWORD"],
            connect_timeout=5,
        )
    return _conn


class AuditQuery:
    def __init__(self, tenant_id: str, params: dict):
        self.tenant_id = tenant_id
        self.actor = params.get("actor")
        self.action = params.get("action")
        self.days = int(params.get("days", "7"))
        self.sort = params.get("sort", "created_at")
        self.limit = min(int(params.get("limit", "100")), 1000)
        if self.sort not in SORT_COLUMNS:
            raise ValueError("unsupported sort column")

    def to_sql(self) -> tuple:
        since = datetime.utcnow() - timedelta(days=self.days)
        where = ["tenant_id = %s", "created_at >= %s"]
        args = [self.tenant_id, since]
        if self.actor:
            where.append("actor = %s")
            args.append(self.actor)
        if self.action:
            where.append("action LIKE %s")
            args.append(self.action.replace("%", r"\%").replace("_", r"\_") + "%")
        sql = (
            "SELECT id, actor, action, target, created_at FROM audit_events WHERE "
            + " AND ".join(where)
            + f" ORDER BY {self.sort} DESC LIMIT %s"
        )
        return sql, args + [self.limit]


def handler(event, context):
    claims = event["requestContext"]["authorizer"]["claims"]
    tenant_id = claims["custom:tenant_id"]
    params = event.get("queryStringParameters") or {}

    try:
        query = AuditQuery(tenant_id, params)
    except ValueError:
        return {"statusCode": 400, "body": json.dumps({"error": "invalid parameter"})}

    sql, args = query.to_sql()
    with get_conn().cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()

    logger.info("tenant=%s returned=%d", tenant_id, len(rows))
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"events": rows}, default=str),
    }
