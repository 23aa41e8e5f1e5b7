import os
import sqlite3

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
DB_PATH = os.environ.get("REPORTS_DB", "/srv/reports/reports.db")
EXPORT_DIR = "/srv/reports/exports"


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/reports/search")
def search_reports():
    conn = get_db()
    try:
        rows = conn.execute(f"SELECT id, title, owner, created FROM reports WHERE owner = '{request.args.get('owner', '')}' ORDER BY created DESC").fetchall()  # VULN
    finally:
        conn.close()
    return jsonify([dict(r) for r in rows])


@app.route("/reports/<int:report_id>")
def report_meta(report_id):
    conn = get_db()
    try:
        row = conn.execute("SELECT id, title, export_name FROM reports WHERE id = ?", (report_id,)).fetchone()
    finally:
        conn.close()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/reports/download")
def download_export():
    name = request.args.get("file")
    if not name:
        abort(400)
    path = os.path.join(EXPORT_DIR, name)
    return send_file(path, as_attachment=True, download_name=os.path.basename(path))  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5050)
