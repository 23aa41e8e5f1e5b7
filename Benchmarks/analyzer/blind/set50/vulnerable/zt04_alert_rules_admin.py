"""Alert rule admin endpoints for the monitoring stack."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/alertd/rules.db"
log = logging.getLogger("alertd.rules")

FILTERABLE = ("severity", "team", "target", "enabled")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class RuleRepository:
    def __init__(self, conn):
        self.conn = conn

    def _where(self, filters):
        clauses = []
        for key, value in filters.items():
            clauses.append(f"{key} = '{value}'")
        return " AND ".join(clauses)

    def search(self, filters):
        sql = "SELECT id, name, severity, team, target, expr, enabled FROM alert_rules"
        where = self._where(filters)
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY severity DESC, name"
        return [dict(r) for r in self.conn.execute(sql).fetchall()]  # VULN flow

    def delete(self, rule_id):
        cur = self.conn.execute("DELETE FROM alert_rules WHERE id = %s" % rule_id)  # VULN flow
        self.conn.commit()
        return cur.rowcount


@app.get("/api/rules")
def list_rules():
    filters = {k: v for k, v in request.args.items() if k in FILTERABLE}
    repo = RuleRepository(get_db())
    return jsonify(rules=repo.search(filters))


@app.delete("/api/rules/<rule_id>")
def delete_rule(rule_id):
    repo = RuleRepository(get_db())
    removed = repo.delete(rule_id)
    if not removed:
        return jsonify(error="not found"), 404
    log.info("deleted alert rule %r", rule_id)
    return "", 204
