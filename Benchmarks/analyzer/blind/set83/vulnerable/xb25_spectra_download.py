"""Falcon service serving raw and processed spectra files for LIMS runs."""
import logging
import mimetypes
import os
import re

import falcon

log = logging.getLogger("spectra")
SPECTRA_ROOT = os.environ.get("SPECTRA_ROOT", "/data/spectra")
RUN_ID_RE = re.compile(r"^R\d{8}-\d{4}$")


class SpectraStore:
    def __init__(self, root: str):
        self.root = root

    def run_dir(self, run_id: str) -> str:
        if not RUN_ID_RE.match(run_id):
            raise falcon.HTTPBadRequest(title="bad run id")
        return os.path.join(self.root, run_id)

    def resolve(self, run_id: str, filename: str) -> str:
        return os.path.join(self.run_dir(run_id), filename)


class RunFilesResource:
    def __init__(self, store: SpectraStore):
        self.store = store

    def on_get(self, req, resp, run_id):
        directory = self.store.run_dir(run_id)
        if not os.path.isdir(directory):
            raise falcon.HTTPNotFound()
        resp.media = {"run": run_id, "files": sorted(os.listdir(directory))}


class SpectrumFileResource:
    def __init__(self, store: SpectraStore):
        self.store = store

    def on_get(self, req, resp, run_id):
        filename = req.get_param("file", required=True)
        path = self.store.resolve(run_id, filename)
        if not os.path.isfile(path):
            raise falcon.HTTPNotFound()
        ctype, _ = mimetypes.guess_type(path)
        resp.content_type = ctype or "application/octet-stream"
        resp.downloadable_as = os.path.basename(path)
        resp.content_length = os.path.getsize(path)
        resp.stream = open(path, "rb")  # VULN flow


store = SpectraStore(SPECTRA_ROOT)
app = falcon.App()
app.add_route("/runs/{run_id}/files", RunFilesResource(store))
app.add_route("/runs/{run_id}/spectrum", SpectrumFileResource(store))
