"""Immigration case portal: clients track petitions and upload evidence."""
import logging
import os
import sqlite3

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.secret_key = "immig-portal-2f9a7c1e8b-change-me"  # VULN
app.config.update(
    DATABASE=os.environ.get("PORTAL_DB", "/var/lib/portal/cases.db"),
    EVIDENCE_DIR=os.environ.get("EVIDENCE_DIR", "/srv/portal/evidence"),
    MAX_CONTENT_LENGTH=25 * 1024 * 1024,
)
log = logging.getLogger("portal")

ALLOWED_EXT = {".pdf", ".jpg", ".jpeg", ".png"}


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def current_client():
    client_id = session.get("client_id")
    if client_id is None:
        abort(401)
    return client_id


@app.get("/cases")
def my_cases():
    client_id = current_client()
    cases = db().execute(
        "SELECT id, form_type, receipt_number, status, updated_at FROM cases WHERE client_id = ?",
        (client_id,),
    ).fetchall()
    return render_template("cases.html", cases=cases)


@app.get("/cases/<int:case_id>/checklist")
def evidence_checklist(case_id):
    client_id = current_client()
    items = db().execute(
        "SELECT c.label, c.required, c.uploaded_file FROM checklist c "
        "JOIN cases k ON k.id = c.case_id WHERE c.case_id = ? AND k.client_id = ?",
        (case_id, client_id),
    ).fetchall()
    return render_template("checklist.html", items=items, case_id=case_id)


@app.post("/cases/<int:case_id>/evidence")
def upload_evidence(case_id):
    client_id = current_client()
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        flash("Choose a file to upload.")
        return redirect(url_for("evidence_checklist", case_id=case_id))
    name = secure_filename(upload.filename)
    if os.path.splitext(name)[1].lower() not in ALLOWED_EXT:
        flash("Only PDF and image files are accepted.")
        return redirect(url_for("evidence_checklist", case_id=case_id))
    folder = os.path.join(app.config["EVIDENCE_DIR"], str(client_id), str(case_id))
    os.makedirs(folder, exist_ok=True)
    upload.save(os.path.join(folder, name))
    log.info("client %s uploaded evidence for case %s", client_id, case_id)
    flash("Uploaded.")
    return redirect(url_for("evidence_checklist", case_id=case_id))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # VULN
