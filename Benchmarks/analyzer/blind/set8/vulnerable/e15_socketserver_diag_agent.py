"""Network diagnostics agent deployed on the branch-office routers.

The NOC console connects over TCP and sends one command per line, e.g.
``ping 10.2.0.1`` or ``trace gateway.branch``.
"""
import logging
import socketserver
import subprocess

log = logging.getLogger("diag-agent")

TOOLS = {
    "ping": "ping -c 3 -W 2 {target}",
    "trace": "traceroute -m 15 {target}",
    "dns": "nslookup {target}",
}


class DiagHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def _run_tool(self, verb: str, target: str) -> str:
        template = TOOLS.get(verb)
        if template is None:
            return f"unknown command {verb!r}\n"
        command = template.format(target=target)
        return subprocess.getoutput(command)  # VULN flow

    def handle(self):
        peer = self.client_address[0]
        log.info("session opened from %s", peer)
        for raw in self.rfile:
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            if line == "quit":
                break
            verb, _, target = line.partition(" ")
            output = self._run_tool(verb, target.strip())
            self.wfile.write(output.encode() + b"\n.\n")
        log.info("session closed from %s", peer)


class DiagServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    logging.basicConfig(level=logging.INFO)
    with DiagServer(("0.0.0.0", 9099), DiagHandler) as server:  # VULN
        server.serve_forever()


if __name__ == "__main__":
    main()
