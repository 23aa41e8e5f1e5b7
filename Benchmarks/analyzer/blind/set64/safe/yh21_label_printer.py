"""Falcon service that prints pallet/carton labels on the dock printers.

The WMS posts ZPL label data plus the target printer queue; we spool the
job to CUPS on this print server.
"""
import logging
import os
import re
import subprocess
import tempfile

import falcon

log = logging.getLogger("dock.labels")

SPOOL_DIR = "/var/spool/dock-labels"
DEFAULT_PRINTER = "dock01_zebra"
PRINTER_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class LabelJob:
    def __init__(self, printer, zpl, copies=1):
        self.printer = printer or DEFAULT_PRINTER
        self.zpl = zpl
        self.copies = max(1, min(int(copies), 50))

    def spool(self):
        fd, path = tempfile.mkstemp(dir=SPOOL_DIR, suffix=".zpl")
        with os.fdopen(fd, "w", encoding="ascii", errors="replace") as fh:
            fh.write(self.zpl)
        return path

    def lp_command(self, path):
        if not PRINTER_RE.match(self.printer):
            raise falcon.HTTPBadRequest(title="invalid printer name")
        return ["lp", "-d", self.printer, "-n", str(self.copies), "-o", "raw", "--", path]


class PrintResource:
    def on_post(self, req, resp):
        body = req.get_media()
        zpl = body.get("zpl", "")
        if not zpl.startswith("^XA"):
            raise falcon.HTTPBadRequest(title="not ZPL")
        job = LabelJob(body.get("printer"), zpl, body.get("copies", 1))
        path = job.spool()
        try:
            cmd = job.lp_command(path)
            rc = subprocess.call(cmd)
        finally:
            os.unlink(path)
        if rc != 0:
            log.error("lp failed with status %d", rc)
            raise falcon.HTTPInternalServerError(title="print failed")
        resp.media = {"queued": True, "copies": job.copies}


class PrintersResource:
    def on_get(self, req, resp):
        with os.popen("lpstat -a") as out:
            names = [line.split()[0] for line in out if line.strip()]
        resp.media = {"printers": names}


app = falcon.App()
app.add_route("/labels/print", PrintResource())
app.add_route("/labels/printers", PrintersResource())
