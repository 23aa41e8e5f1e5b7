"""DMX lighting cues for DJ sets (Falcon API behind the booth tablet).

Lighting designers upload short cue scripts that drive the rig, e.g.

    for i in range(8):
        rig.color("wash", "red" if i % 2 else "blue")
        sleep(beat)
"""
import logging
import re
import time
from pathlib import Path

import falcon

from lighting.rig import Rig

log = logging.getLogger("lighting.cues")
CUE_DIR = Path("/var/lib/lighting/cues")
NAME_RE = re.compile(r"^[a-z0-9_-]{1,40}$")


class CueStore:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        if not NAME_RE.match(name):
            raise falcon.HTTPBadRequest(description="cue names are a-z, 0-9, _ and -")
        return self.root / f"{name}.cue"

    def save(self, name: str, source: str) -> None:
        self.path(name).write_text(source, encoding="utf-8")

    def load(self, name: str) -> str:
        p = self.path(name)
        if not p.is_file():
            raise falcon.HTTPNotFound()
        return p.read_text(encoding="utf-8")


class CueRunner:
    def __init__(self, rig: Rig):
        self.rig = rig

    def run(self, name: str, source: str, bpm: float) -> float:
        scope = {"rig": self.rig, "beat": 60.0 / bpm, "sleep": time.sleep}
        started = time.monotonic()
        exec(compile(source, f"<cue:{name}>", "exec"), scope)  # VULN flow
        self.rig.blackout_pending()
        return time.monotonic() - started


class CueResource:
    def __init__(self, store: CueStore):
        self.store = store

    def on_put(self, req, resp, name):
        source = req.bounded_stream.read(64 * 1024).decode("utf-8")
        self.store.save(name, source)
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
