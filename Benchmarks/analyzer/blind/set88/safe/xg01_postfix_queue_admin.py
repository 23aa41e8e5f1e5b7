"""Flask admin panel for inspecting and managing the Postfix mail queue.

Runs on the relay hosts behind the ops VPN; helpdesk staff use it to hold,
release or drop stuck messages without shelling into the box.
"""
import json
import logging
import re
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("mailq-admin")

POSTQUEUE = "/usr/sbin/postqueue"
POSTSUPER = "/usr/sbin/postsuper"

VERB_FLAGS = {
    "delete": "-d",
    "hold": "-h",
    "release": "-H",
    "requeue": "-r",
}
QUEUE_NAMES = {"", "hold", "incoming", "active", "deferred"}
QUEUE_ID_RE = re.compile(r"^[0-9A-Za-z]{6,20}$")


class QueueAction:
    def __init__(self, verb: str, queue_id: str, queue: str = ""):
        self.verb = verb
        self.queue_id = queue_id
        self.queue = queue

    def command(self) -> list:
        flag = VERB_FLAGS.get(self.verb)
        if flag is None:
            raise ValueError(f"unknown verb {self.verb!r}")
        if not QUEUE_ID_RE.match(self.queue_id):
            raise ValueError("invalid queue id")
        if self.queue not in QUEUE_NAMES:
            raise ValueError("invalid queue name")
        parts = [POSTSUPER, flag, self.queue_id]
        if self.queue:
            parts.append(self.queue)
        return parts


def run(cmd: list) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        log.warning("command failed rc=%s: %s", proc.returncode, proc.stderr.strip())
    return proc.stdout


def parse_queue(raw: str) -> list:
    entries = []
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            log.debug("skipping unparsable queue line")
    return entries


@app.get("/queue")
def list_queue():
    entries = parse_queue(run([POSTQUEUE, "-j"]))
    sender = request.args.get("sender")
    if sender:
        entries = [e for e in entries if e.get("sender") == sender]
    return jsonify(count=len(entries), entries=entries)


@app.post("/queue/<verb>")
def queue_action(verb):
    payload = request.get_json(silent=True) or {}
    queue_id = payload.get("queue_id", "")
    if not queue_id:
        abort(400, "queue_id required")
    action = QueueAction(verb, queue_id, payload.get("queue", ""))
    try:
        cmd = action.command()
    except ValueError as exc:
        abort(400, str(exc))
    output = run(cmd)
    log.info("queue action %s applied", verb)
    return jsonify(ok=True, output=output)


@app.post("/queue/flush")
def flush():
    return jsonify(ok=True, output=run([POSTQUEUE, "-f"]))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=8025)
