"""Soil-sample lab file conversion resource (Falcon).

The soil lab instrument writes proprietary .slb files; agronomists request a
conversion into a spreadsheet-friendly format from the sample detail page.
"""
import glob
import json
import logging
import os
import subprocess
from typing import List

import falcon

log = logging.getLogger("soillab.convert")

SAMPLE_DIR = os.environ.get("SAMPLE_DIR", "/srv/soillab/raw")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/soillab/exports")
CONVERTER = "/opt/soillab/bin/soilconv"
FORMATS = {"csv", "xlsx", "json"}
UNITS = {"ppm", "mg_kg", "lb_ac"}


class ConversionResource:
    def __init__(self, sample_dir: str = SAMPLE_DIR, export_dir: str = EXPORT_DIR):
        self.sample_dir = sample_dir
        self.export_dir = export_dir

    def _locate(self, sample_id: str) -> str:
        matches = glob.glob(os.path.join(self.sample_dir, f"{glob.escape(sample_id)}.slb"))
        if not matches:
            raise falcon.HTTPNotFound(description="unknown sample")
        return matches[0]

    def _build_command(self, src: str, out: str, fmt: str, units: str) -> List[str]:
        return [CONVERTER, "--input", src, "--output", out, "--format", fmt, "--units", units]

    def on_post(self, req, resp, sample_id):
        fmt = req.get_param("format", default="csv")
        units = req.get_param("units", default="ppm")
        if fmt not in FORMATS or units not in UNITS:
            raise falcon.HTTPBadRequest(description="unsupported format or units")
        src = self._locate(sample_id)
        out = os.path.join(self.export_dir, f"{sample_id}.{fmt}")
        cmd = self._build_command(src, out, fmt, units)
        log.info("converting sample %r to %r", sample_id, fmt)
        rc = subprocess.run(cmd, check=False, timeout=120).returncode
        if rc != 0 or not os.path.exists(out):
            raise falcon.HTTPInternalServerError(description="conversion failed")
        resp.status = falcon.HTTP_201
        resp.text = json.dumps({"sample": sample_id, "export": os.path.basename(out)})

    def on_get(self, req, resp, sample_id):
        exports = sorted(
            os.path.basename(p)
            for p in glob.glob(os.path.join(self.export_dir, f"{glob.escape(sample_id)}.*"))
        )
        resp.media = {"sample": sample_id, "exports": exports}


app = falcon.App()
app.add_route("/samples/{sample_id}/exports", ConversionResource())
