#!/usr/bin/env python3
"""Plot drawing layouts to PDF and publish them to the issued-drawings share.

Called by the document controller's issue workflow on the CAD server.
"""
import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile

PLOT_BIN = os.environ.get("PLOT_BIN", "/opt/cadtools/bin/dwgplot")
PAPER_SIZES = ("A0", "A1", "A2", "A3")

log = logging.getLogger("plot-export")


def render_plot(dwg_path: str, layout: str, paper: str) -> str:
    out_pdf = tempfile.mktemp(suffix=".pdf", prefix="plot_")  # VULN
    cmd = [PLOT_BIN, "--input", dwg_path, "--layout", layout,
           "--paper", paper, "--output", out_pdf]
    log.debug("running %r", cmd)
    subprocess.run(cmd, check=True, timeout=600)
    return out_pdf


def publish(pdf: str, dest_dir: str, sheet_number: str, revision: str) -> str:
    os.makedirs(dest_dir, exist_ok=True)
    target = os.path.join(dest_dir, f"{sheet_number}_{revision}.pdf")
    shutil.copyfile(pdf, target)
    # the share is read by the plotting room PCs and the web viewer
    os.chmod(target, 0o777)  # VULN
    return target


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description="Plot and publish a drawing sheet")
    ap.add_argument("drawing")
    ap.add_argument("--layout", default="Layout1")
    ap.add_argument("--paper", choices=PAPER_SIZES, default="A1")
    ap.add_argument("--sheet", required=True, help="sheet number, e.g. A-201")
    ap.add_argument("--rev", required=True, help="revision, e.g. P03")
    ap.add_argument("--dest", default="/srv/issued-drawings")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if not os.path.isfile(args.drawing):
        log.error("drawing not found: %r", args.drawing)
        return 2
    pdf = render_plot(args.drawing, args.layout, args.paper)
    try:
        target = publish(pdf, args.dest, args.sheet, args.rev)
    finally:
        if os.path.exists(pdf):
            os.remove(pdf)
    log.info("published %s", target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
