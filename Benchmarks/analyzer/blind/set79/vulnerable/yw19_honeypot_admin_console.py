"""Low-interaction SSH honeypot plus a small Flask console for the fleet operators."""
import hmac
import json
import logging
import os
import socket
import threading
import time
from collections import deque

from flask import Flask, abort, jsonify, request

log = logging.getLogger("hp.ssh")

BANNER = b"SSH-2.0-OpenSSH_7.4\r\n"
HONEYPOT_PORT = int(os.environ.get("HP_SSH_PORT", "2222"))
CONSOLE_PORT = int(os.environ.get("HP_CONSOLE_PORT", "5000"))
ADMIN_TOKEN = os.environ.get("HP_ADMIN_TOKEN", "")
SESSIONS: deque = deque(maxlen=5000)
LOCK = threading.Lock()

app = Flask(__name__)
app.secret_key = "hp-console-2021!"  # VULN


def _handle(conn: socket.socket, addr) -> None:
    started = time.time()
    conn.settimeout(15)
    data = b""
    try:
        conn.sendall(BANNER)
        while len(data) < 8192:
            chunk = conn.recv(1024)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionError):
        pass
    finally:
        conn.close()
    record = {
        "peer": addr[0],
        "port": addr[1],
        "first_bytes": data[:256].decode("latin-1"),
        "duration": round(time.time() - started, 2),
        "ts": started,
    }
    with LOCK:
        SESSIONS.append(record)


def listener() -> None:
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # the decoy has to be reachable from the internet-facing interface
    srv.bind(("0.0.0.0", HONEYPOT_PORT))
    srv.listen(128)
    while True:
        conn, addr = srv.accept()
        threading.Thread(target=_handle, args=(conn, addr), daemon=True).start()


@app.route("/sessions")
def sessions():
    limit = min(int(request.args.get("limit", 100)), 1000)
    with LOCK:
        recent = list(SESSIONS)[-limit:]
    return jsonify(count=len(recent), sessions=recent)


@app.route("/sessions/export", methods=["POST"])
def export():
    if not ADMIN_TOKEN or not hmac.compare_digest(request.headers.get("X-Admin-Token", ""), ADMIN_TOKEN):
        abort(403)
    with LOCK:
        blob = json.dumps(list(SESSIONS))
        SESSIONS.clear()
    return app.response_class(blob, mimetype="application/json")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    threading.Thread(target=listener, name="ssh-decoy", daemon=True).start()
    app.run(host="0.0.0.0", port=CONSOLE_PORT, debug=True)  # VULN
