"""DMX lighting cues for DJ sets (Falcon API behind the booth tablet).

Lighting designers upload short cue documents that drive the rig, e.g.

    {"repeat": 8, "steps": [
        {"action": "color", "fixture": "wash", "value": "red"},
        {"action": "wait", "beats": 1}]}
"""
import json
import logging
import re
import time
from pathlib import Path

import falcon

from lighting.rig import Rig

log = logging.getLogger("lighting.cues")
CUE_DIR = Path("/var/lib/lighting/cues")
NAME_RE = re.compile(r"^[a-z0-9_-]{1,40}$")
MAX_REPEAT = 64


class CueStore:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        if not NAME_RE.match(name):
            raise falcon.HTTPBadRequest(description="cue names are a-z, 0-9, _ and -")
        return self.root / f"{name}.cue"

    def save(self, name: str, source: str) -> None:
        json.loads(source)
        self.path(name).write_text(source, encoding="utf-8")

    def load(self, name: str) -> str:
        p = self.path(name)
        if not p.is_file():
            raise falcon.HTTPNotFound()
        return p.read_text(encoding="utf-8")


class CueRunner:
    def __init__(self, rig: Rig):
        self.rig = rig
        self.actions = {"color": rig.color, "dim": rig.dim, "strobe": rig.strobe}

    def run(self, name: str, source: str, bpm: float) -> float:
        beat = 60.0 / bpm
        cue = json.loads(source)
        started = time.monotonic()
        for _ in range(min(int(cue.get("repeat", 1)), MAX_REPEAT)):
            for step in cue.get("steps", []):
                action = step.get("action")
                if action == "wait":
                    time.sleep(beat * min(float(step.get("beats", 1)), 16.0))
                elif action in self.actions:
                    self.actions[action](str(step["fixture"]), step.get("value"))
                else:
                    raise ValueError(f"unknown action {action!r} in cue {name}")
        self.rig.blackout_pending()
        return time.monotonic() - started


class CueResource:
    def __init__(self, store: CueStore):
        self.store = store

    def on_put(self, req, resp, name):
        source = req.bounded_stream.read(64 * 1024).decode("utf-8")
        try:
            self.store.save(name, source)
        except ValueError:
            raise falcon.HTTPBadRequest(description="cue must be a JSON document")
        resp.status = falcon.HTTP_204


class FireResource:
    def __init__(self, store: CueStore, runner: CueRunner):
        self.store = store
        self.runner = runner

    def on_post(self, req, resp, name):
        bpm = req.get_param_as_float("bpm", default=124.0, min_value=40.0, max_value=220.0)
        source = self.store.load(name)
        try:
            took = self.runner.run(name, source, bpm)
        except Exception as exc:
            log.exception("cue %s failed", name)
            raise falcon.HTTPUnprocessableEntity(description=f"cue failed: {exc}")
        resp.media = {"cue": name, "seconds": round(took, 2)}


store = CueStore(CUE_DIR)
app = falcon.App()
app.add_route("/cues/{name}", CueResource(store))
app.add_route("/cues/{name}/fire", FireResource(store, CueRunner(Rig.from_env())))
