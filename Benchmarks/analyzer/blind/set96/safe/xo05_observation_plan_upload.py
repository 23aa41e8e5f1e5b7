"""Observation plan upload service.

Astronomers upload YAML observing plans; the service validates them and stores
a normalised JSON copy for the nightly scheduler.
"""
import json
import logging
import os
import uuid

import yaml
from bottle import Bottle, HTTPError, request, response

PLAN_DIR = os.environ.get("PLAN_DIR", "/var/lib/scheduler/plans")
REQUIRED = ("pi", "targets", "instrument")

app = Bottle()
log = logging.getLogger("plans")


def parse_plan(text: str) -> dict:
    plan = yaml.safe_load(text)
    if not isinstance(plan, dict):
        raise ValueError("plan must be a mapping")
    missing = [k for k in REQUIRED if k not in plan]
    if missing:
        raise ValueError("missing keys: " + ", ".join(missing))
    return plan


def normalise_targets(targets) -> list:
    out = []
    for t in targets:
        out.append({
            "name": str(t["name"]),
            "ra": float(t["ra"]),
            "dec": float(t["dec"]),
            "exptime": float(t.get("exptime", 60)),
            "filter": str(t.get("filter", "V")),
        })
    return out


@app.post("/plans")
def upload_plan():
    upload = request.files.get("plan")
    if upload is None:
        raise HTTPError(400, "missing plan file")
    text = upload.file.read().decode("utf-8", "replace")
    try:
        plan = parse_plan(text)
        targets = normalise_targets(plan["targets"])
    except (ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise HTTPError(400, f"invalid plan: {exc}")

    plan_id = uuid.uuid4().hex
    record = {
        "id": plan_id,
        "pi": str(plan["pi"]),
        "instrument": str(plan["instrument"]),
        "targets": targets,
    }
    with open(os.path.join(PLAN_DIR, plan_id + ".json"), "w") as fh:
        json.dump(record, fh, indent=2)
    log.info("stored plan %s with %d targets", plan_id, len(targets))
    response.status = 201
    return {"id": plan_id, "targets": len(targets)}


@app.get("/plans/<plan_id:re:[0-9a-f]{32}>")
def get_plan(plan_id):
    path = os.path.join(PLAN_DIR, plan_id + ".json")
    if not os.path.exists(path):
        raise HTTPError(404, "unknown plan")
    with open(path) as fh:
        return json.load(fh)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8081)
