"""Internal search service over the call centre's archived call transcripts.

Transcripts are stored as gzip files, one per call, under ARCHIVE_DIR/<yyyy-mm-dd>/.
"""
import glob
import json
import logging
import os
import re
import subprocess
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

log = logging.getLogger("transcripts")

ARCHIVE_DIR = os.environ.get("TRANSCRIPT_ARCHIVE", "/srv/callcentre/transcripts")
MAX_RESULTS = 200
MAX_TERM_LEN = 100


def grep_archive(day, term):
    folder = os.path.join(ARCHIVE_DIR, day)
    files = sorted(glob.glob(os.path.join(folder, "*.txt.gz")))
    if not files:
        return []
    command = ["zgrep", "-il", "-F", "-e", term, "--"] + files
    proc = subprocess.run(command, capture_output=True, text=True)
    return [os.path.basename(p) for p in proc.stdout.splitlines()[:MAX_RESULTS]]


def highlight(text, term):
    rx = re.compile(re.escape(term), re.IGNORECASE)
    return [m.start() for m in rx.finditer(text)][:50]


class SearchHandler(BaseHTTPRequestHandler):
    server_version = "TranscriptSearch/1.4"

    def _send_json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        params = parse_qs(url.query)
        term = params.get("q", [""])[0]
        day = params.get("day", [""])[0]
        if not term or len(term) > MAX_TERM_LEN or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return self._send_json(400, {"error": "q (max 100 chars) and day=YYYY-MM-DD are required"})
        if url.path == "/search":
            return self._send_json(200, {"day": day, "calls": grep_archive(day, term)})
        if url.path == "/highlight":
            call = os.path.basename(params.get("call", [""])[0])
            path = os.path.join(ARCHIVE_DIR, day, call)
            try:
                text = subprocess.run(["zcat", "--", path], capture_output=True, text=True, check=True).stdout
            except subprocess.CalledProcessError:
                return self._send_json(404, {"error": "call not found"})
            return self._send_json(200, {"call": call, "offsets": highlight(text, term)})
        self._send_json(404, {"error": "not found"})

    def log_message(self, fmt, *args):
        log.info("%s %r", self.address_string(), fmt % args)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ThreadingHTTPServer(("127.0.0.1", 8095), SearchHandler).serve_forever()
