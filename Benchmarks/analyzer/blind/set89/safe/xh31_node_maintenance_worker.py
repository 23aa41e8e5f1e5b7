"""Applies node drain/resume requests queued from the ops portal (runs as the slurm operator)."""
import json
import logging
import os
import re
import subprocess
import time
from pathlib import Path

import redis
import typer

SCONTROL = os.environ.get("SCONTROL", "/usr/bin/scontrol")
QUEUE = "ops:node-maintenance"
DONE = "ops:node-maintenance:done"
ACTIONS = {"drain": "DRAIN", "resume": "RESUME", "down": "DOWN"}
HOSTLIST_RE = re.compile(r"^[a-z][a-z0-9-]*(\[[0-9,\-]+\])?(,[a-z][a-z0-9-]*(\[[0-9,\-]+\])?)*$")

cli = typer.Typer(help=__doc__)
log = logging.getLogger("node-maint")


def build_update(req: dict) -> list:
    state = ACTIONS[req["action"]]
    nodes = req["nodes"]
    if not HOSTLIST_RE.match(nodes):
        raise ValueError(f"invalid hostlist {nodes!r}")
    cmd = [SCONTROL, "update", f"NodeName={nodes}", f"State={state}"]
    if state != "RESUME":
        reason = req.get("reason") or "maintenance"
        cmd.append(f'Reason={reason} [{req["requested_by"]}]')
    return cmd


def apply(req: dict) -> dict:
    cmd = build_update(req)
    log.info("request %r: %r", req.get("id"), cmd)
    try:
        out = subprocess.check_output(cmd, stderr=subprocess.STDOUT, text=True)
        return {"id": req.get("id"), "ok": True, "output": out.strip()}
    except subprocess.CalledProcessError as exc:
        return {"id": req.get("id"), "ok": False, "output": exc.output.strip()}


@cli.command()
def worker(redis_url: str = typer.Option("redis://localhost:6379/4", envvar="OPS_REDIS_URL")):
    """Consume maintenance requests forever."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    conn = redis.Redis.from_url(redis_url)
    while True:
        item = conn.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        try:
            req = json.loads(item[1])
            result = apply(req)
        except (ValueError, KeyError) as exc:
            log.warning("bad request: %r", exc)
            continue
        conn.rpush(DONE, json.dumps({**result, "ts": time.time()}))


@cli.command()
def once(request_file: Path):
    """Apply a single request from a JSON file (for testing)."""
    logging.basicConfig(level=logging.INFO)
    result = apply(json.loads(request_file.read_text()))
    typer.echo(json.dumps(result, indent=2))
    raise typer.Exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    cli()
