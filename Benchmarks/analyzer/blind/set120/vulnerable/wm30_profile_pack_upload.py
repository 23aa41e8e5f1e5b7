"""Community slicer-profile packs: members upload a .zip of profiles,
which is unpacked into the shared library the farm PCs sync from."""
import logging
import os
import re
import uuid
import zipfile

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("profile-packs")

LIBRARY_ROOT = os.environ.get("PROFILE_LIBRARY", "/srv/wm/profile-library")
ALLOWED_EXT = {".ini", ".json", ".3mf", ".txt"}
MAX_ENTRIES = 200
MAX_TOTAL = 50 * 1024 * 1024


def pack_dir(pack_name: str) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", pack_name.lower()).strip("-") or uuid.uuid4().hex[:8]
    return os.path.join(LIBRARY_ROOT, slug)


def extract_pack(zf: zipfile.ZipFile, dest_root: str) -> list:
    entries = [i for i in zf.infolist() if not i.is_dir()]
    if len(entries) > MAX_ENTRIES:
        raise ValueError("too many files in pack")
    written, total = [], 0
    for info in entries:
        if os.path.splitext(info.filename)[1].lower() not in ALLOWED_EXT:
            continue
        total += info.file_size
        if total > MAX_TOTAL:
            raise ValueError("pack too large when unpacked")
        dest = os.path.join(dest_root, info.filename)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with zf.open(info) as src, open(dest, "wb") as out:  # VULN flow
            out.write(src.read())
        written.append(info.filename)
    return written


@app.post("/api/profile-packs")
def upload_pack():
    member = request.headers.get("X-Member-Id")
    if not member:
        abort(401)
    upload = request.files.get("pack")
    name = request.form.get("name", "").strip()
    if upload is None or not name:
        abort(400, "pack file and name are required")
    target = pack_dir(name)
    if os.path.exists(target):
        abort(409, "a pack with that name already exists")
    try:
        with zipfile.ZipFile(upload.stream) as zf:
            files = extract_pack(zf, target)
    except (zipfile.BadZipFile, ValueError) as exc:
        abort(400, str(exc))
    log.info("member %r published pack %r with %d files", member, name, len(files))
    return jsonify(pack=os.path.basename(target), files=files), 201
