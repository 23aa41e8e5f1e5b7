"""Coach analytics sandbox: apply custom feature transforms to client sleep data.

Coaches build transforms in the desktop analytics kit, which exports them as
serialized functions that are uploaded here and chained per coach.
"""
import json
import logging
import statistics
from collections import defaultdict

import dill
from bottle import Bottle, HTTPError, abort, request, response

app = Bottle()
log = logging.getLogger("sleep.transforms")

TRANSFORMS = defaultdict(list)  # coach_id -> [callable]
MAX_TRANSFORM_BYTES = 256 * 1024


def load_transform(blob: bytes):
    fn = dill.loads(blob)  # VULN flow
    if not callable(fn):
        raise ValueError("transform must be callable")
    return fn


def summarise(nights):
    scores = [n.get("score", 0) for n in nights]
    return {
        "nights": len(nights),
        "avg_score": round(statistics.mean(scores), 1) if scores else None,
        "avg_deep_min": round(statistics.mean(n.get("deep_min", 0) for n in nights), 1) if nights else None,
    }


@app.post("/coaches/<coach_id:int>/transforms")
def upload_transform(coach_id):
    upload = request.files.get("transform")
    if upload is None:
        abort(400, "missing transform file")
    blob = upload.file.read(MAX_TRANSFORM_BYTES + 1)
    if len(blob) > MAX_TRANSFORM_BYTES:
        abort(413, "transform too large")
    try:
        fn = load_transform(blob)
    except Exception as exc:
        log.info("rejected transform from coach %s: %r", coach_id, exc)
        abort(400, "could not load transform")
    TRANSFORMS[coach_id].append(fn)
    response.content_type = "application/json"
    return json.dumps({"transforms": len(TRANSFORMS[coach_id])})


@app.post("/coaches/<coach_id:int>/apply")
def apply_transforms(coach_id):
    payload = request.json or {}
    nights = payload.get("nights", [])
    try:
        for fn in TRANSFORMS[coach_id]:
            nights = [fn(dict(n)) for n in nights]
    except Exception as exc:
        raise HTTPError(422, f"transform failed: {type(exc).__name__}")
    response.content_type = "application/json"
    return json.dumps({"summary": summarise(nights), "nights": nights})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8093)
