"""Evidence locker for incident response cases (Bottle app behind the IR VPN)."""
import hashlib
import logging
import mimetypes
import os
import re
import time

from bottle import Bottle, HTTPResponse, abort, request

EVIDENCE_ROOT = os.environ.get("EVIDENCE_ROOT", "/srv/evidence")
CASE_RE = re.compile(r"^IR-\d{4}-\d{4,6}$")

audit = logging.getLogger("evidence.audit")
app = Bottle()


def case_dir(case_id: str) -> str:
    if not CASE_RE.match(case_id):
        abort(400, "bad case id")
    return os.path.join(EVIDENCE_ROOT, case_id, "artifacts")


def evidence_path(case_id: str, filename: str) -> str:
    return os.path.join(case_dir(case_id), filename)


@app.get("/cases/<case_id>/evidence")
def list_evidence(case_id: str):
    base = case_dir(case_id)
    if not os.path.isdir(base):
        abort(404, "unknown case")
    return {"case": case_id, "files": sorted(os.listdir(base))}


@app.get("/cases/<case_id>/evidence/download")
def download(case_id: str):
    name = request.query.get("file", "")
    path = evidence_path(case_id, name)
    if not os.path.isfile(path):
        abort(404, "no such artifact")
    with open(path, "rb") as fh:  # VULN flow
        data = fh.read()
    audit.info("download case=%s sha256=%s by=%r", case_id, hashlib.sha256(data).hexdigest(),
               request.environ.get("REMOTE_USER"))
    ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return HTTPResponse(body=data, headers={
        "Content-Type": ctype,
        "Content-Disposition": "attachment",
    })


@app.post("/cases/<case_id>/evidence")
def upload(case_id: str):
    upload = request.files.get("artifact")
    if upload is None:
        abort(400, "artifact missing")
    base = case_dir(case_id)
    os.makedirs(base, exist_ok=True)
    dest = os.path.join(base, upload.raw_filename)
    upload.save(dest, overwrite=False)  # VULN flow
    with open(dest, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    audit.info("upload case=%s sha256=%s at=%d", case_id, digest, int(time.time()))
    return {"stored": os.path.basename(dest), "sha256": digest}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8085)
