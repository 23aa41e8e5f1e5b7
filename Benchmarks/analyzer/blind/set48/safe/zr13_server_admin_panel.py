"""Small admin panel for the community game-server host.

Community admins can restart their own server instance, view recent log
lines and change the map rotation without shell access.
"""
import logging
import re
import subprocess

from flask import Flask, abort, jsonify, request, session

from hostpanel.auth import login_required, owns_instance

app = Flask(__name__)
log = logging.getLogger("hostpanel")

LOG_DIR = "/srv/games/logs"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
COMMANDS = {
    "restart": ["sudo", "systemctl", "restart", "gameserver@{instance}.service"],
    "status": ["systemctl", "is-active", "gameserver@{instance}.service"],
    "rotate": ["/srv/games/bin/set-rotation", "{instance}", "{maps}"],
}


def run_panel_command(action: str, **params) -> str:
    for value in params.values():
        for part in value.split(","):
            if not NAME_RE.match(part):
                raise RuntimeError("invalid name")
    cmd = [arg.format(**params) for arg in COMMANDS[action]]
    log.info("user %s running %s", session.get("user_id"), action)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip() or f"{action} failed")
    return proc.stdout


@app.post("/instances/<instance>/restart")
@login_required
def restart(instance):
    if not owns_instance(session["user_id"], instance):
        abort(403)
    try:
        run_panel_command("restart", instance=instance)
    except RuntimeError as exc:
        return jsonify({"error": str(exc)}), 500
    return jsonify({"status": run_panel_command("status", instance=instance).strip()})


@app.post("/instances/<instance>/rotation")
@login_required
def set_rotation(instance):
    if not owns_instance(session["user_id"], instance):
        abort(403)
    maps = request.get_json(force=True).get("maps", [])
    if not maps:
        abort(400)
    try:
        run_panel_command("rotate", instance=instance, maps=",".join(maps))
    except RuntimeError as exc:
        return jsonify({"error": str(exc)}), 500
    return jsonify({"maps": maps})


@app.get("/instances/<instance>/logs")
@login_required
def tail_logs(instance):
    if not owns_instance(session["user_id"], instance) or not NAME_RE.match(instance):
        abort(403)
    lines = request.args.get("lines", 200, type=int)
    lines = max(1, min(lines, 2000))
    output = subprocess.check_output(
        ["tail", "-n", str(lines), f"{LOG_DIR}/{instance}.log"], text=True, timeout=30
    )
    return jsonify({"lines": output.splitlines()})
