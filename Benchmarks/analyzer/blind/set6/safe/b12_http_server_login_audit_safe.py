import json
import logging
import re
from http.server import BaseHTTPRequestHandler, HTTPServer

logging.basicConfig(filename="audit.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(message)s")
logger = logging.getLogger("audit")

KNOWN_USERS = {"alice", "bob", "carol"}
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def clean_for_log(value, limit=64):
    if value is None:
        return "-"
    return _CONTROL_CHARS.sub("?", value)[:limit]


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
        username = self.headers.get("X-Username")
        logger.info("login attempt user=%s ip=%s", clean_for_log(username), self.client_address[0])
        self._send(200, {"known_user": username in KNOWN_USERS})

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8099), AuditHandler).serve_forever()
