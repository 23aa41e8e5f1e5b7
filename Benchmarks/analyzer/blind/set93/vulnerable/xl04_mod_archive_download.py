"""Download service for the community mod mirror."""
import logging
import mimetypes
import os
import sqlite3

from bottle import Bottle, HTTPResponse, abort, request, response

log = logging.getLogger("modmirror")
app = Bottle()

MOD_ROOT = os.environ.get("MOD_ROOT", "/srv/mods")
STATS_DB = os.environ.get("MOD_STATS_DB", "/var/lib/modmirror/stats.db")


def resolve_mod_file(game: str, slug: str, version: str, filename: str) -> str:
    return os.path.join(MOD_ROOT, game, slug, version, filename)


def record_download(slug: str, version: str) -> None:
    with sqlite3.connect(STATS_DB) as conn:
        conn.execute(
            "INSERT INTO downloads (slug, version, ts) VALUES (?, ?, strftime('%s','now'))",
            (slug, version),
        )


@app.get("/mods/<game>/<slug>/<version>/files")
def download(game, slug, version):
    filename = request.query.get("file", "mod.zip")
    path = resolve_mod_file(game, slug, version, filename)
    if not os.path.isfile(path):
        abort(404, "file not found")

    ctype, _ = mimetypes.guess_type(path)
    with open(path, "rb") as fh:  # VULN flow
        payload = fh.read()

    record_download(slug, version)
    log.info("served %r/%r@%r (%d bytes)", game, slug, version, len(payload))
    response.set_header("Content-Type", ctype or "application/octet-stream")
    response.set_header(
        "Content-Disposition", 'attachment; filename="%s"' % os.path.basename(path)
    )
    return payload


@app.get("/mods/<game>/<slug>/<version>/listing")
def listing(game, slug, version):
    base = resolve_mod_file(game, slug, version, "")
    if not os.path.isdir(base):
        return HTTPResponse(status=404, body={"error": "unknown mod"})
    files = []
    for name in sorted(os.listdir(base)):  # VULN flow
        full = os.path.join(base, name)
        if os.path.isfile(full):
            files.append({"name": name, "size": os.path.getsize(full)})
    return {"game": game, "slug": slug, "version": version, "files": files}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8088)
