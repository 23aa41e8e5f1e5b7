"""Freelancer portal: download reference material and upload deliverables."""
import logging
import mimetypes
import os
import sqlite3

from bottle import Bottle, HTTPResponse, abort, request, response

DELIVERABLES_ROOT = os.environ.get("PORTAL_FILES", "/srv/portal/jobs")
DB_PATH = os.environ.get("PORTAL_DB", "/srv/portal/portal.db")

app = Bottle()
log = logging.getLogger("portal.files")


def current_freelancer() -> int:
    token = request.get_header("X-Portal-Token", "")
    with sqlite3.connect(DB_PATH) as db:
        row = db.execute(
            "SELECT freelancer_id FROM sessions WHERE token = ? AND expires_at > datetime('now')",
            (token,),
        ).fetchone()
    if row is None:
        abort(401, "not signed in")
    return row[0]


def assigned_to(job_id: int, freelancer_id: int) -> bool:
    with sqlite3.connect(DB_PATH) as db:
        row = db.execute(
            "SELECT 1 FROM assignments WHERE job_id = ? AND freelancer_id = ?",
            (job_id, freelancer_id),
        ).fetchone()
    return row is not None


def job_file_path(job_id: int, kind: str, name: str) -> str:
    base = os.path.join(DELIVERABLES_ROOT, str(job_id), kind)
    return os.path.join(base, name)


@app.get("/portal/jobs/<job_id:int>/reference")
def list_reference(job_id):
    fid = current_freelancer()
    if not assigned_to(job_id, fid):
        abort(403, "not assigned")
    folder = os.path.join(DELIVERABLES_ROOT, str(job_id), "reference")
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return {"job": job_id, "files": names}


@app.get("/portal/jobs/<job_id:int>/reference/download")
def download_reference(job_id):
    fid = current_freelancer()
    if not assigned_to(job_id, fid):
        abort(403, "not assigned")
    name = request.query.get("name", "")
    path = job_file_path(job_id, "reference", name)
    if not os.path.isfile(path):
        abort(404, "no such file")
    log.info("freelancer %s downloading %r for job %s", fid, name, job_id)
    with open(path, "rb") as fh:  # VULN flow
        body = fh.read()
    ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response.set_header("Content-Disposition", 'attachment; filename="%s"' % os.path.basename(path))
    return HTTPResponse(body=body, status=200, headers={"Content-Type": ctype})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8070)
