"""Render monthly usage reports to PDF with wkhtmltopdf."""
import argparse
import html
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("reports.pdf")

WKHTMLTOPDF = shutil.which("wkhtmltopdf") or "/usr/local/bin/wkhtmltopdf"

TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: sans-serif; }} td {{ padding: 4px 12px; }}</style></head>
<body><h1>{title}</h1><p>Period: {period}</p>
<table><tr><th>Service</th><th>Units</th><th>Cost</th></tr>{rows}</table></body></html>
"""


def render_html(report: dict) -> str:
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html.escape(str(item.get("service", ""))),
            html.escape(str(item.get("units", 0))),
            html.escape(str(item.get("cost", "0.00"))),
        )
        for item in report.get("items", [])
    )
    return TEMPLATE.format(
        title=html.escape(str(report.get("title", "Usage report"))),
        period=html.escape(str(report.get("period", ""))),
        rows=rows,
    )


def html_to_pdf(document: str, output: Path) -> None:
    fd, html_path = tempfile.mkstemp(suffix=".html", prefix="usage-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(document)
        subprocess.run([WKHTMLTOPDF, "--quiet", html_path, str(output)], check=True, timeout=120)
    finally:
        if os.path.exists(html_path):
            os.unlink(html_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", type=Path, help="JSON report produced by the billing export")
    parser.add_argument("-o", "--output", type=Path, required=True, help="destination PDF")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        log.error("cannot read report %r: %r", str(args.report), str(exc))
        return 1
    try:
        html_to_pdf(render_html(report), args.output)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        log.error("wkhtmltopdf failed for %r", str(args.report))
        return 2
    log.info("wrote %r", str(args.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
