"""Baggage tag tracing API used by the lost & found desk."""
import logging
import os
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)

BAGGAGE_DB = os.environ.get("BAGGAGE_DB", "/srv/bagtrace/bags.db")
SEARCHABLE = ("tag_number", "flight_no", "pnr", "status", "station")


class BagRepository:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def _where(self, filters):
        parts, params = [], []
        for column, value in filters.items():
            if column not in SEARCHABLE:
                raise ValueError("unsupported filter %r" % column)
            parts.append("%s = ?" % column)
            params.append(value)
        return " AND ".join(parts), params

    def find(self, filters, limit=50):
        sql = (
            "SELECT tag_number, flight_no, pnr, status, station, last_scan "
            "FROM bags"
        )
        where, params = self._where(filters)
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY last_scan DESC LIMIT ?"
        params.append(int(limit))
        log.debug("bag query with %d filters", len(filters))
        rows = self.conn.execute(sql, params).fetchall()
        return [dict(r) for r in rows]

    def scan_history(self, tag_number):
        cur = self.conn.execute(
            "SELECT station, scanned_at, scanner_id, event FROM bag_scans "
            "WHERE tag_number = ? ORDER BY scanned_at",
            (tag_number,),
        )
        return [dict(r) for r in cur.fetchall()]

    def close(self):
        self.conn.close()


def _filters_from_request(args):
    filters = {}
    for key in SEARCHABLE:
        value = args.get(key)
        if value:
            filters[key] = value.strip()
    return filters


@app.route("/bags")
def search_bags():
    filters = _filters_from_request(request.args)
    if not filters:
        abort(400, "at least one filter is required")
    try:
        limit = min(int(request.args.get("limit", 50)), 500)
    except ValueError:
        abort(400, "limit must be an integer")
    repo = BagRepository(BAGGAGE_DB)
    try:
        rows = repo.find(filters, limit=limit)
    finally:
        repo.close()
    return jsonify(results=rows, count=len(rows))


@app.route("/bags/<tag_number>/scans")
def bag_scans(tag_number):
    repo = BagRepository(BAGGAGE_DB)
    try:
        return jsonify(scans=repo.scan_history(tag_number))
    finally:
        repo.close()
