"""Dome and shutter control web panel for the 0.6m enclosure."""
import json
import logging
import os
import socket

from flask import Flask, abort, jsonify, request, session
from werkzeug.security import check_password_hash

log = logging.getLogger("domectl")

PLC_ADDR = (os.environ.get("DOME_PLC_HOST", "10.20.0.15"), 5020)
USERS_FILE = "/etc/domectl/users.json"


class DomeDriver:
    """Line protocol spoken by the dome PLC."""

    def __init__(self, addr):
        self.addr = addr

    def _send(self, cmd: str) -> str:
        with socket.create_connection(self.addr, timeout=5) as sock:
            sock.sendall(cmd.encode("ascii") + b"\r\n")
            return sock.recv(256).decode("ascii", "replace").strip()

    def status(self) -> dict:
        fields = self._send("STAT?").split(",")
        return {"azimuth": float(fields[0] or 0), "shutter": fields[1] if len(fields) > 1 else "?"}

    def slew(self, azimuth: float) -> str:
        return self._send(f"SLEW {azimuth:.1f}")

    def shutter(self, action: str) -> str:
        return self._send("OPEN" if action == "open" else "CLOSE")


app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["DOMECTL_SECRET_KEY"]
driver = DomeDriver(PLC_ADDR)


def load_users() -> dict:
    with open(USERS_FILE) as fh:
        return json.load(fh)


def require_operator() -> str:
    user = session.get("user")
    if not user:
        abort(403)
    return user


@app.post("/login")
def login():
    users = load_users()
    name = request.form.get("username", "")
    pw_hash = users.get(name)
    if pw_hash is None or not check_password_hash(pw_hash, request.form.get("password", "")):
        abort(401)
    session["user"] = name
    return jsonify({"user": name})


@app.get("/dome/status")
def status():
    return jsonify(driver.status())


@app.post("/dome/slew")
def slew():
    user = require_operator()
    azimuth = float(request.get_json(force=True)["azimuth"]) % 360.0
    log.info("slew to %.1f requested by %r", azimuth, user)
    return jsonify({"reply": driver.slew(azimuth)})


@app.post("/dome/shutter")
def shutter():
    user = require_operator()
    action = request.get_json(force=True).get("action")
    if action not in ("open", "close"):
        abort(400)
    log.info("shutter %s requested by %r", action, user)
    return jsonify({"reply": driver.shutter(action)})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8000, debug=False)
