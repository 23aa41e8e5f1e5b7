"""Product catalogue helper: upload and fetch tariff plan sheets.

Product managers upload the signed-off rate sheet (PDF/XLSX/JSON) for a plan
code; billing configuration jobs later read ``current.json`` for each plan.
"""
import json
import logging
import os
import re
from datetime import datetime

from bottle import Bottle, HTTPError, request, static_file

log = logging.getLogger("catalogue.tariffs")
TARIFF_ROOT = os.environ.get("TARIFF_ROOT", "/srv/catalogue/tariffs")
ALLOWED_EXT = {".pdf", ".xlsx", ".json"}
PLAN_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{2,32}$")

def plan_folder(plan_code):
    if not PLAN_CODE_RE.match(plan_code):
        raise HTTPError(400, "invalid plan code")
    folder = os.path.join(TARIFF_ROOT, plan_code.upper())
    os.makedirs(folder, exist_ok=True)
    return folder


app = Bottle()


@app.post("/tariffs/<plan_code>/sheets")
def upload_sheet(plan_code):
    upload = request.files.get("sheet")
    if upload is None:
        raise HTTPError(400, "missing sheet")
    name = upload.raw_filename
    ext = os.path.splitext(name)[1].lower()
    if ext not in ALLOWED_EXT:
        raise HTTPError(415, "unsupported sheet type")
    dest = os.path.join(plan_folder(plan_code), name)
    upload.save(dest, overwrite=True)  # VULN flow
    log.info("stored tariff sheet for plan %r (%d bytes)", plan_code, os.path.getsize(dest))
    return {"plan": plan_code.upper(), "stored": os.path.basename(dest)}


@app.get("/tariffs/<plan_code>/current")
def current_rates(plan_code):
    version = request.query.get("version", "current")
    path = os.path.join(plan_folder(plan_code), version + ".json")
    try:
        with open(path) as fh:  # VULN flow
            rates = json.load(fh)
    except FileNotFoundError:
        raise HTTPError(404, "no rates published")
    return {"plan": plan_code.upper(), "version": version,
            "checked_at": datetime.utcnow().isoformat(), "rates": rates}


@app.get("/tariffs/<plan_code>/sheets/<filename>")
def download_sheet(plan_code, filename):
    return static_file(filename, root=plan_folder(plan_code), download=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8091)
