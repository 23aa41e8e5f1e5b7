"""Network diagnostics agent on the branch-office routers.

The NOC console reaches it through an SSH tunnel and sends one command per
line, e.g. ``ping 10.2.0.1``.
"""
import ipaddress
import logging
import socketserver
import subprocess

log = logging.getLogger("diag-agent")

TOOLS = {
    "ping": ["ping", "-c", "3", "-W", "2"],
    "trace": ["traceroute", "-n", "-m", "15"],
}
STATIC = {
    "routes": ["ip", "route", "show"],
    "uptime": ["uptime"],
}


def build_argv(verb: str, target: str):
    if verb in STATIC:
        return list(STATIC[verb])
    if verb in TOOLS:
        address = ipaddress.ip_address(target)
        return TOOLS[verb] + [str(address)]
    return None


class DiagHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def _run_tool(self, verb: str, target: str) -> str:
        try:
            argv = build_argv(verb, target)
        except ValueError:
            return "target must be an IP address\n"
        if argv is None:
            return "unknown command\n"
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=25)
        return proc.stdout + proc.stderr

    def handle(self):
        log.info("session opened from %s", self.client_address[0])
        for raw in self.rfile:
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            if line == "quit":
                break
            verb, _, target = line.partition(" ")
            output = self._run_tool(verb, target.strip())
            self.wfile.write(output.encode() + b"\n.\n")


class DiagServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    logging.basicConfig(level=logging.INFO)
    with DiagServer(("127.0.0.1", 9099), DiagHandler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
