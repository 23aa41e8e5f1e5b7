from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse


class LanguageHandler(BaseHTTPRequestHandler):
    def preferred_language(self):
        query = parse_qs(urlparse(self.path).query)
        return query.get("lang", ["en"])[0]

    def do_GET(self):
        lang = self.preferred_language()
        body = b"language preference saved\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Set-Cookie", f"lang={lang}; Path=/; Max-Age=31536000")  # VULN flow
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8000), LanguageHandler).serve_forever()
