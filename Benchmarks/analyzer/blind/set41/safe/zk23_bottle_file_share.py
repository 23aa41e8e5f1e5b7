"""Team file drop: a tiny Bottle app for sharing build artifacts."""
import logging
import os
import re
import time

from bottle import Bottle, HTTPError, HTTPResponse, request, response

log = logging.getLogger("filedrop")

SHARE_ROOT = os.path.realpath(os.environ.get("FILEDROP_ROOT", "/srv/filedrop"))
MAX_BYTES = 200 * 1024 * 1024
API_TOKENS = set(filter(None, os.environ.get("FILEDROP_TOKENS", "").split(",")))
FOLDER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")

app = Bottle()


def require_token():
    token = request.get_header("X-Filedrop-Token", "")
    if token not in API_TOKENS:
        raise HTTPError(401, "bad token")


def contained(path: str) -> str:
    resolved = os.path.realpath(path)
    if os.path.commonpath([SHARE_ROOT, resolved]) != SHARE_ROOT:
        raise HTTPError(404, "not found")
    return resolved


def folder_path(folder: str) -> str:
    if not FOLDER_RE.match(folder):
        raise HTTPError(400, "invalid folder name")
    return contained(os.path.join(SHARE_ROOT, folder))


@app.post("/upload")
def upload():
    require_token()
    folder = request.forms.get("folder", "misc")
    item = request.files.get("file")
    if item is None:
        raise HTTPError(400, "missing file")
    if request.content_length > MAX_BYTES:
        raise HTTPError(413, "too large")
    target_dir = folder_path(folder)
    os.makedirs(target_dir, exist_ok=True)
    item.save(target_dir, overwrite=True)
    log.info("stored %r in %r", item.filename, folder)
    return {"folder": folder, "name": item.filename, "stored_at": int(time.time())}


@app.get("/files/<relpath:path>")
def download(relpath):
    full = contained(os.path.join(SHARE_ROOT, relpath))
    if not os.path.isfile(full):
        raise HTTPError(404, "not found")
    response.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(full)}"')
    response.content_type = "application/octet-stream"
    return open(full, "rb")


@app.get("/list/<folder>")
def listing(folder):
    require_token()
    path = folder_path(folder)
    if not os.path.isdir(path):
        return HTTPResponse(status=404, body="no such folder")
    entries = []
    for name in sorted(os.listdir(path)):
        st = os.stat(os.path.join(path, name))
        entries.append({"name": name, "size": st.st_size, "mtime": int(st.st_mtime)})
    return {"folder": folder, "entries": entries}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8070)
