"""Bottle app serving original uploads back to their owners (photo sharing)."""
import logging
import mimetypes
import os

from bottle import Bottle, HTTPResponse, abort, request, response

app = Bottle()
log = logging.getLogger("media")

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/var/lib/snapshare/media")


def current_user_id():
    # set by the auth plugin upstream
    uid = request.environ.get("snapshare.user_id")
    if uid is None:
        abort(401, "login required")
    return str(uid)


def resolve_media_path(owner_id, relative_name):
    owner_dir = os.path.realpath(os.path.join(MEDIA_ROOT, "users", owner_id))
    candidate = os.path.realpath(os.path.join(owner_dir, relative_name))
    if os.path.commonpath([owner_dir, candidate]) != owner_dir:
        abort(404, "no such file")
    return candidate


def read_media(path):
    with open(path, "rb") as fh:
        return fh.read()


@app.get("/media/original")
def download_original():
    uid = current_user_id()
    name = request.query.get("file", "")
    if not name:
        abort(400, "file parameter missing")
    path = resolve_media_path(uid, name)
    if not os.path.isfile(path):
        abort(404, "no such file")
    data = read_media(path)
    ctype, _ = mimetypes.guess_type(path)
    response.content_type = ctype or "application/octet-stream"
    response.set_header("Content-Disposition",
                        f'attachment; filename="{os.path.basename(path)}"')
    log.info("user %s downloaded %d bytes", uid, len(data))
    return data


@app.get("/media/list")
def list_media():
    uid = current_user_id()
    owner_dir = os.path.join(MEDIA_ROOT, "users", uid)
    try:
        files = sorted(os.listdir(owner_dir))
    except FileNotFoundError:
        files = []
    return {"files": files}


@app.error(404)
def not_found(err):
    return HTTPResponse(status=404, body='{"error": "not found"}',
                        headers={"Content-Type": "application/json"})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
