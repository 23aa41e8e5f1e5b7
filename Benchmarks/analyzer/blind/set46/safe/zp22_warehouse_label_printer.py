"""Print bridge for warehouse handhelds.

Scanners POST a pallet/bin label request; the bridge renders ZPL and sends it
to the Zebra printer queue on the local CUPS server.
"""
import logging
import os
import subprocess
import tempfile

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("label-bridge")

PRINTERS = {"zebra-dock-1", "zebra-dock-2", "zebra-pick-a", "zebra-returns"}
ZPL_TEMPLATE = """^XA
^FO50,40^A0N,40,40^FD{title}^FS
^FO50,100^BCN,120,Y,N,N^FD{barcode}^FS
^FO50,260^A0N,28,28^FD{location}^FS
^XZ
"""


class PrintJob:
    def __init__(self, printer: str, copies: int, title: str):
        if printer not in PRINTERS:
            abort(400, "unknown printer")
        self.printer = printer
        self.copies = max(1, min(copies, 50))
        self.title = title

    def command(self, zpl_path: str) -> list:
        return ["lp", "-d", self.printer, "-n", str(self.copies), "-t", self.title, "-o", "raw", zpl_path]


def render_zpl(payload: dict) -> str:
    text = ZPL_TEMPLATE.format(
        title=payload.get("title", "PALLET"),
        barcode=payload["barcode"],
        location=payload.get("location", ""),
    )
    fd, path = tempfile.mkstemp(suffix=".zpl")
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    return path


@app.post("/print")
def print_label():
    payload = request.get_json(force=True)
    job = PrintJob(
        printer=payload.get("printer", "zebra-dock-1"),
        copies=int(payload.get("copies", 1)),
        title=payload.get("title", "label"),
    )
    zpl_path = render_zpl(payload)
    try:
        proc = subprocess.Popen(job.command(zpl_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out, _ = proc.communicate(timeout=20)
    finally:
        os.unlink(zpl_path)
    log.info("print job on %r exited %s", job.printer, proc.returncode)
    return jsonify(ok=proc.returncode == 0, output=out.decode(errors="replace"))


@app.get("/printers/status")
def printer_status():
    printer = request.args.get("printer")
    args = ["lpstat", "-p", printer] if printer in PRINTERS else ["lpstat", "-a"]
    out = subprocess.check_output(args)
    return jsonify(status=out.decode(errors="replace").splitlines())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8631)
