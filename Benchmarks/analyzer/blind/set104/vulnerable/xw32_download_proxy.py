"""Outbound links and public-domain downloads for the online catalogue (Bottle).

/out?url=...          records click-throughs to partner sites and redirects
/download/<coll>?file=...  serves high-resolution public-domain images
"""
import logging
import mimetypes
import os
import sqlite3
import time

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
log = logging.getLogger("catalogue.links")

DOWNLOAD_ROOT = os.environ.get("PD_DOWNLOAD_ROOT", "/srv/public-domain")
COLLECTIONS = {"prints", "photographs", "maps", "manuscripts"}
STATS_DB = os.environ.get("LINK_STATS_DB", "/srv/catalogue/linkstats.db")


def record_click(kind: str, target: str) -> None:
    with sqlite3.connect(STATS_DB) as conn:
        conn.execute("INSERT INTO clicks (kind, target, ts) VALUES (?, ?, ?)",
                     (kind, target[:500], int(time.time())))


def resolve_download(collection: str, name: str) -> str:
    return os.path.join(DOWNLOAD_ROOT, collection, name)


@app.get("/download/<collection>")
def download(collection):
    if collection not in COLLECTIONS:
        abort(404, "Unknown collection")
    name = request.query.getunicode("file", "")
    path = resolve_download(collection, name)
    if not name or not os.path.isfile(path):
        abort(404, "No such file")
    record_click("download", f"{collection}/{name}")
    response.content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response.set_header("Content-Disposition", 'attachment; filename="%s"' % os.path.basename(path))
    return open(path, "rb")  # VULN flow


@app.get("/out")
def outbound():
    target = request.query.getunicode("url", "")
    if not target:
        redirect("/")
    log.info("outbound click to %r", target)
    record_click("outbound", target)
    redirect(target, 302)  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8083)
