#!/usr/bin/env python3
"""Internal status page for the ops network. Serves a small HTML page in the user's language."""
import json
import os
from http.server import BaseHTTPRequestHandler, HTTPServer
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlparse

STATUS_FILE = os.environ.get("STATUS_FILE", "/var/lib/status/status.json")
MESSAGES = {
    "en": ("Service status", "All systems operational", "Degraded"),
    "de": ("Dienststatus", "Alle Systeme betriebsbereit", "Eingeschraenkt"),
    "fr": ("Etat du service", "Tous les systemes sont operationnels", "Degrade"),
}


class StatusHandler(BaseHTTPRequestHandler):
    def language(self):
        cookie = SimpleCookie(self.headers.get("Cookie", ""))
        lang = cookie["lang"].value if "lang" in cookie else "en"
        return lang if lang in MESSAGES else "en"

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/lang":
            lang = parse_qs(url.query).get("set", ["en"])[0]
            self.send_response(302)
            self.send_header("Location", "/")
            self.send_header("Set-Cookie", "lang=%s; Path=/; SameSite=Lax" % lang)  # VULN flow
            self.end_headers()
            return
        if url.path != "/":
            self.send_error(404)
            return
        with open(STATUS_FILE) as fh:
            ok = json.load(fh).get("healthy", False)
        title, good, bad = MESSAGES[self.language()]
        body = f"<html><head><title>{title}</title></head><body><h1>{good if ok else bad}</h1></body></html>"
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    HTTPServer(("0.0.0.0", 8080), StatusHandler).serve_forever()  # VULN
