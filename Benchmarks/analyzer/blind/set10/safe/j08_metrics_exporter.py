import logging
import os
import re
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

import psutil

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("exporter")
PORT = int(os.environ.get("EXPORTER_PORT", "9109"))
JOB_RE = re.compile(r"^[a-z0-9_]{1,32}$")
STARTED = time.time()


def collect():
    vm = psutil.virtual_memory()
    load1, load5, load15 = os.getloadavg()
    lines = [
        "# TYPE node_memory_used_bytes gauge",
        f"node_memory_used_bytes {vm.used}",
        f"node_memory_total_bytes {vm.total}",
        f"node_load1 {load1}",
        f"node_load5 {load5}",
        f"node_load15 {load15}",
        f"exporter_uptime_seconds {time.time() - STARTED:.0f}",
    ]
    return "\n".join(lines) + "\n"


class MetricsHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/metrics":
            self.send_error(404)
            return
        job = parse_qs(url.query).get("job", ["default"])[0]
        if not JOB_RE.fullmatch(job):
            self.send_error(400, "invalid job name")
            return
        log.info("scrape job=%s from %s", job, self.client_address[0])
        body = collect().encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), MetricsHandler)
    log.info("exporter listening on 127.0.0.1:%d", PORT)
    server.serve_forever()
