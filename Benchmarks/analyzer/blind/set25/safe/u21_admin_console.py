"""Small operations console for the support team."""
import os

import psycopg2
from flask import Flask, jsonify, render_template_string

app = Flask(__name__)

DB_HOST = os.environ.get("CONSOLE_DB_HOST", "db.internal.example.com")
DB_USER = "console"
DB_PASSWORD = os.environ["CONSOLE_DB_PASSWORD"]

DASHBOARD = """<!doctype html>
<title>Support console</title>
<h1>Queues</h1>
<table>
{% for row in queues %}<tr><td>{{ row.status }}</td><td>{{ row.count }}</td></tr>{% endfor %}
</table>
<h2>Agents on shift</h2>
<ul>{% for agent in agents %}<li>{{ agent }}</li>{% endfor %}</ul>
"""


def get_conn():
    return psycopg2.connect(
        host=DB_HOST, dbname="support", user=DB_USER, password=DB_PASSWORD, connect_timeout=5
    )


def queue_counts():
    with get_conn() as conn, conn.cursor() as cur:
        cur.execute("SELECT status, COUNT(*) FROM tickets GROUP BY status ORDER BY status")
        return [{"status": s, "count": c} for s, c in cur.fetchall()]


def agents_on_shift():
    with get_conn() as conn, conn.cursor() as cur:
        cur.execute("SELECT display_name FROM agents WHERE on_shift ORDER BY display_name")
        return [r[0] for r in cur.fetchall()]


@app.route("/health")
def health():
    try:
        with get_conn() as conn, conn.cursor() as cur:
            cur.execute("SELECT 1")
        return jsonify({"db": "ok"})
    except psycopg2.Error:
        return jsonify({"db": "unavailable"}), 503


@app.route("/")
def dashboard():
    return render_template_string(DASHBOARD, queues=queue_counts(), agents=agents_on_shift())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=9000, debug=False)
