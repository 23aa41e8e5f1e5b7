"""Line-based control gateway for the greenhouse sensor nodes.

Nodes connect over TCP and send lines such as:
    <node-id> report temp=21.4 hum=55
    <node-id> ping 10.20.0.1
    <node-id> restart-agent
"""
import json
import logging
import os
import socketserver
import subprocess
import threading
import time

log = logging.getLogger("greenhouse-gw")
STATE_FILE = os.environ.get("GW_STATE", "/var/lib/greenhouse/state.json")
readings = {}
lock = threading.Lock()


def handle_report(node, args):
    values = {}
    for pair in args.split():
        key, _, val = pair.partition("=")
        try:
            values[key] = float(val)
        except ValueError:
            continue
    with lock:
        readings[node] = {"ts": time.time(), **values}
    return "ok"


def handle_ping(node, target):
    status = os.system("ping -c 1 -W 2 " + target + " > /dev/null 2>&1")  # VULN flow
    return "reachable" if status == 0 else "unreachable"


def handle_restart(node, _args):
    subprocess.run(["systemctl", "restart", "greenhouse-agent"], check=False)
    return "restarting"


HANDLERS = {"report": handle_report, "ping": handle_ping, "restart-agent": handle_restart}


class GatewayHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").strip()
            if not line:
                continue
            node, _, rest = line.partition(" ")
            verb, _, args = rest.partition(" ")
            handler = HANDLERS.get(verb)
            if handler is None:
                self.wfile.write(b"err unknown-command\n")
                continue
            log.debug("%s from %s node=%r", verb, peer, node)
            reply = handler(node, args.strip())
            self.wfile.write(f"{reply}\n".encode())


def persist():
    with lock, open(STATE_FILE, "w") as fh:
        json.dump(readings, fh)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("0.0.0.0", 9900), GatewayHandler)  # VULN
    try:
        server.serve_forever()
    finally:
        persist()
