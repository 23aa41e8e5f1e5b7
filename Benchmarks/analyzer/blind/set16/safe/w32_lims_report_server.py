#!/usr/bin/env python3
"""Serve on-demand CSV reports from the lab LIMS to the analysts' browsers."""
import csv
import io
import logging
import os
import re
import sqlite3
from http.server import HTTPServer, BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger("lims-reports")
DB = os.environ.get("LIMS_DB", "/var/lib/lims/lims.db")
LISTEN_HOST = os.environ.get("LIMS_REPORT_HOST", "127.0.0.1")
FILENAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\.csv")
REPORTS = {
    "samples": "SELECT sample_id, project, received_at, status FROM samples "
               "ORDER BY received_at DESC LIMIT 5000",
    "runs": "SELECT run_id, instrument, started_at, finished_at, operator FROM runs "
            "ORDER BY started_at DESC LIMIT 5000",
    "qc": "SELECT run_id, metric, value, passed FROM qc_results ORDER BY run_id DESC LIMIT 20000",
}


def build_csv(report):
    conn = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    try:
        cur = conn.execute(REPORTS[report])
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([d[0] for d in cur.description])
        writer.writerows(cur)
        return buf.getvalue().encode("utf-8")
    finally:
        conn.close()


class ReportHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlsplit(self.path)
        report = url.path.strip("/")
        if report not in REPORTS:
            self.send_error(404, "unknown report")
            return
        params = parse_qs(url.query)
        filename = params.get("filename", [f"{report}.csv"])[0]
        if not FILENAME_RE.fullmatch(filename):
            filename = f"{report}.csv"
        body = build_csv(report)
        self.send_response(200)
        self.send_header("Content-Type", "text/csv; charset=utf-8")
        self.send_header("Content-Disposition", f'attachment; filename="{filename}"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        log.info("%s %r", self.client_address[0], fmt % args)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    HTTPServer((LISTEN_HOST, 8765), ReportHandler).serve_forever()
