"""Photo upload for mishandled baggage claims (PIR follow-up).

Passengers upload photos of damaged bags from the claim tracking page; the
baggage services team reviews them in the WorldTracer case.
"""
import logging
import os
import re
import shutil

from bottle import Bottle, HTTPError, request, static_file

app = Bottle()
log = logging.getLogger("pir.photos")

UPLOAD_ROOT = os.environ.get("PIR_UPLOADS", "/srv/pir/uploads")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".heic"}
MAX_PHOTOS = 8
CLAIM_RE = re.compile(r"[A-Z]{3}[A-Z0-9]{2}\d{5}")


def claim_dir(claim_id):
    if not CLAIM_RE.fullmatch(claim_id):
        raise HTTPError(400, "invalid claim reference")
    path = os.path.join(UPLOAD_ROOT, claim_id)
    os.makedirs(path, exist_ok=True)
    return path


def existing_photos(folder):
    return sorted(f for f in os.listdir(folder) if os.path.splitext(f)[1].lower() in ALLOWED_EXT)


@app.post("/claims/<claim_id>/photos")
def upload_photo(claim_id):
    upload = request.files.get("photo")
    if upload is None:
        raise HTTPError(400, "photo field missing")
    filename = upload.raw_filename
    ext = os.path.splitext(filename)[1].lower()
    if ext not in ALLOWED_EXT:
        raise HTTPError(415, "unsupported image type")
    folder = claim_dir(claim_id)
    if len(existing_photos(folder)) >= MAX_PHOTOS:
        raise HTTPError(409, "photo limit reached for this claim")
    dest = os.path.join(folder, filename)
    with open(dest, "wb") as fh:  # VULN flow
        shutil.copyfileobj(upload.file, fh)
    log.info("stored photo for claim %r (%d bytes)", claim_id, os.path.getsize(dest))
    return {"claim": claim_id, "stored": os.path.basename(dest)}


@app.get("/claims/<claim_id>/photos")
def list_photos(claim_id):
    if not CLAIM_RE.fullmatch(claim_id):
        raise HTTPError(400, "invalid claim reference")
    folder = os.path.join(UPLOAD_ROOT, claim_id)
    if not os.path.isdir(folder):
        raise HTTPError(404, "no photos")
    return {"claim": claim_id, "photos": existing_photos(folder)}


@app.get("/claims/<claim_id>/photos/<name>")
def get_photo(claim_id, name):
    return static_file(name, root=os.path.join(UPLOAD_ROOT, claim_id))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8097)
