"""Read-only sample lookup API for the biobank freezer inventory."""
import logging
import os
from contextlib import closing

import psycopg2
import psycopg2.extras
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)

DB_DSN = os.environ["BIOBANK_DB_DSN"]

FILTERABLE = {"tissue_type", "freezer_id", "consent_status", "collection_site", "study_code"}
MAX_LIMIT = 500


def get_conn():
    return psycopg2.connect(DB_DSN)


def build_where(filters):
    clauses, params = [], []
    for key, value in filters.items():
        if key not in FILTERABLE:
            continue
        clauses.append(f"{key} = %s")
        params.append(value)
    return (" AND ".join(clauses) if clauses else "TRUE"), params


def find_samples(filters, limit):
    where, params = build_where(filters)
    sql = (
        "SELECT sample_id, tissue_type, freezer_id, rack, box, position, collected_at "
        f"FROM specimens WHERE {where} ORDER BY collected_at DESC LIMIT %s"
    )
    with closing(get_conn()) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, params + [int(limit)])
            return cur.fetchall()


def get_sample(sample_id):
    with closing(get_conn()) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(
                "SELECT * FROM specimens WHERE sample_id = %s",
                (sample_id,),
            )
            return cur.fetchone()


@app.get("/api/samples")
def list_samples():
    filters = {k: v for k, v in request.args.items() if k != "limit"}
    try:
        limit = int(request.args.get("limit", 50))
    except ValueError:
        limit = 50
    rows = find_samples(filters, min(max(limit, 1), MAX_LIMIT))
    return jsonify(results=rows, count=len(rows))


@app.get("/api/samples/<sample_id>")
def sample_detail(sample_id):
    row = get_sample(sample_id)
    if row is None:
        abort(404)
    return jsonify(row)


@app.errorhandler(psycopg2.Error)
def db_error(exc):
    log.exception("database error")
    return jsonify(error="database unavailable"), 503
