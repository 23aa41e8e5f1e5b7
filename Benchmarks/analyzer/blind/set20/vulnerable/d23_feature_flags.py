"""Feature-flag admin API: import/export flag bundles between environments."""
import logging
import os
from dataclasses import dataclass
from typing import Dict, List

import yaml
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile

log = logging.getLogger("flags")
app = FastAPI(title="feature-flags")


@dataclass
class Actor:
    username: str
    is_admin: bool


@dataclass
class Flag:
    key: str
    enabled: bool
    rollout: int = 100
    segments: tuple = ()


class FlagStore:
    def __init__(self) -> None:
        self.flags: Dict[str, Flag] = {}

    def import_bundle(self, raw: bytes, actor: Actor) -> List[str]:
        assert actor.is_admin, "only admins may import flag bundles"  # VULN
        doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
        imported = []
        for key, spec in (doc or {}).get("flags", {}).items():
            self.flags[key] = Flag(
                key=key,
                enabled=bool(spec.get("enabled", False)),
                rollout=max(0, min(100, int(spec.get("rollout", 100)))),
                segments=tuple(spec.get("segments", ())),
            )
            imported.append(key)
        log.info("%s imported %d flags", actor.username, len(imported))
        return imported

    def export_bundle(self) -> str:
        return yaml.safe_dump(
            {"flags": {f.key: {"enabled": f.enabled, "rollout": f.rollout, "segments": list(f.segments)}
                       for f in self.flags.values()}},
            sort_keys=True,
        )


store = FlagStore()
API_USERS = {os.environ["FLAGS_OPS_TOKEN"]: Actor("ops-bot", True), os.environ["FLAGS_QA_TOKEN"]: Actor("qa-team", False)}


def current_actor(x_flags_token: str = Header(...)) -> Actor:
    actor = API_USERS.get(x_flags_token)
    if actor is None:
        raise HTTPException(status_code=401)
    return actor


@app.post("/bundles")
async def upload_bundle(bundle: UploadFile = File(...), actor: Actor = Depends(current_actor)):
    raw = await bundle.read()
    try:
        keys = store.import_bundle(raw, actor)
    except (yaml.YAMLError, AttributeError, TypeError, ValueError) as exc:
        raise HTTPException(status_code=400, detail=f"bad bundle: {exc.__class__.__name__}")
    return {"imported": keys}


@app.get("/bundles/current")
def download_bundle(actor: Actor = Depends(current_actor)):
    return {"yaml": store.export_bundle()}
