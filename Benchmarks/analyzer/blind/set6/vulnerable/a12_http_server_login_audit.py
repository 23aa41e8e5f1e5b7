import json
import logging
from http.server import BaseHTTPRequestHandler, HTTPServer

logging.basicConfig(filename="audit.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(message)s")
logger = logging.getLogger("audit")

KNOWN_USERS = {"alice", "bob", "carol"}


class AuditHandler(BaseHTTPRequestHandler):
    def _send(self, code, payload):
        body = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if self.path != "/audit/login":
            self._send(404, {"error": "not found"})
            return
        logger.info("login attempt user=%s ip=%s", self.headers.get("X-Username"), self.client_address[0])  # VULN
        known = self.headers.get("X-Username") in KNOWN_USERS
        self._send(200, {"known_user": known})

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8099), AuditHandler).serve_forever()
