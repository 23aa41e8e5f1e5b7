"""Line-oriented network diagnostics service for the NOC jump host."""
import logging
import os
import re
import socketserver
import subprocess

log = logging.getLogger("netdiag")

PORT = int(os.environ.get("NETDIAG_PORT", "9099"))
COMMANDS = {
    "ping": ["ping", "-c", "3", "-W", "2"],
    "trace": ["traceroute", "-m", "15"],
    "dig": ["dig", "+short"],
}
TARGET_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.:-]{0,252})$")
USAGE = b"ERR usage: ping|trace|dig <host>\n"


def run_diagnostic(action: str, target: str) -> str:
    command = [*COMMANDS[action], target]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


class DiagHandler(socketserver.StreamRequestHandler):
    timeout = 300

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8", "replace"))
        self.wfile.write(b".\n")

    def handle(self) -> None:
        peer = self.client_address[0]
        self.wfile.write(b"netdiag ready\n")
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").strip()
            if not line:
                continue
            if line == "quit":
                break
            action, _, target = line.partition(" ")
            target = target.strip()
            if action not in COMMANDS or not TARGET_RE.fullmatch(target):
                self.wfile.write(USAGE)
                continue
            log.info("%s requested %s %r", peer, action, target)
            try:
                output = run_diagnostic(action, target)
            except subprocess.TimeoutExpired:
                output = "timed out\n"
            self.reply(output)


class DiagServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with DiagServer(("127.0.0.1", PORT), DiagHandler) as server:
        log.info("listening on port %d", PORT)
        server.serve_forever()


if __name__ == "__main__":
    main()
