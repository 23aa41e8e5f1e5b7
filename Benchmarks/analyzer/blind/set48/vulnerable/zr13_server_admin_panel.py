"""Small admin panel for the community game-server host.

Community admins can restart their own server instance, view recent log
lines and change the map rotation without shell access.
"""
import logging
import subprocess

from flask import Flask, abort, jsonify, request, session

from hostpanel.auth import login_required, owns_instance

app = Flask(__name__)
log = logging.getLogger("hostpanel")

LOG_DIR = "/srv/games/logs"
COMMANDS = {
    "restart": "sudo systemctl restart gameserver@{instance}.service",
    "status": "systemctl is-active gameserver@{instance}.service",
    "rotate": "/srv/games/bin/set-rotation {instance} {maps}",
}


def run_panel_command(action: str, **params) -> str:
    template = COMMANDS[action]
    cmd = template.format(**params)
    log.info("user %s running %s", session.get("user_id"), action)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60)  # VULN flow
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
    if not owns_instance(session["user_id"], instance):
        abort(403)
    lines = request.args.get("lines", "200")
    output = subprocess.check_output(  # VULN flow
        "tail -n %s %s/%s.log" % (lines, LOG_DIR, instance), shell=True, text=True, timeout=30
    )
    return jsonify({"lines": output.splitlines()})
