import os
import sqlite3

from flask import Flask, abort, jsonify, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
DB_PATH = os.environ.get("REPORTS_DB", "/srv/reports/reports.db")
EXPORT_DIR = "/srv/reports/exports"


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/reports/search")
def search_reports():
    owner = request.args.get("owner", "")
    conn = get_db()
    try:
        rows = conn.execute(
            "SELECT id, title, owner, created FROM reports WHERE owner = ? ORDER BY created DESC",
            (owner,),
        ).fetchall()
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
    name = secure_filename(request.args.get("file", ""))
    if not name:
        abort(400)
    return send_from_directory(EXPORT_DIR, name, as_attachment=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5050)
