"""Exhibit retrieval service for the e-filing clerk's workstation."""
import logging
import mimetypes
import os
import re

from bottle import Bottle, HTTPResponse, abort, request

EXHIBIT_ROOT = os.environ.get("EXHIBIT_ROOT", "/srv/efiling/exhibits")
log = logging.getLogger("exhibits")
app = Bottle()


class ExhibitStore:
    def __init__(self, root):
        self.root = root

    def folder(self, case_no):
        return os.path.join(self.root, case_no.upper(), "exhibits")

    def path_for(self, case_no, filename):
        return os.path.join(self.folder(case_no), filename)

    def read(self, case_no, filename):
        path = self.path_for(case_no, filename)
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as fh:  # VULN flow
            return fh.read()

    def list(self, case_no):
        folder = self.folder(case_no)
        if not os.path.isdir(folder):
            return []
        return sorted(f for f in os.listdir(folder) if not f.startswith("."))


store = ExhibitStore(EXHIBIT_ROOT)


@app.get("/cases/<case_no:re:[A-Za-z0-9-]+>/exhibits")
def list_exhibits(case_no):
    return {"case": case_no, "exhibits": store.list(case_no)}


@app.get("/cases/<case_no:re:[A-Za-z0-9-]+>/exhibits/download")
def download_exhibit(case_no):
    filename = request.query.get("name", "")
    if not filename:
        abort(400, "name is required")

    data = store.read(case_no, filename)
    if data is None:
        abort(404, "exhibit not found")

    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    download_name = re.sub(r"[^\w.-]", "_", os.path.basename(filename))
    log.info("exhibit download case=%r name=%r", case_no, filename)
    return HTTPResponse(
        body=data,
        status=200,
        headers={
            "Content-Type": ctype,
            "Content-Disposition": 'attachment; filename="%s"' % download_name,
        },
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
