"""Wait-time prediction for the tunnel queue display.

Data team trains the model offline and uploads it through the admin API;
the kiosks call /predict to show "about N minutes" on the entrance sign.
"""
import hmac
import logging
import os
import threading
from datetime import datetime

import dill
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

app = FastAPI(title="wait-time")
log = logging.getLogger("wait_time")

ADMIN_TOKEN = os.environ.get("WAIT_ADMIN_TOKEN", "")
MODEL_PATH = "/var/lib/waittime/model.dill"


class ModelHolder:
    def __init__(self):
        self._lock = threading.Lock()
        self.model = None
        self.loaded_at = None

    def swap(self, blob: bytes) -> None:
        model = dill.loads(blob)  # VULN flow
        if not hasattr(model, "predict"):
            raise ValueError("uploaded object has no predict()")
        with self._lock:
            self.model = model
            self.loaded_at = datetime.utcnow()

    def predict(self, features):
        with self._lock:
            if self.model is None:
                raise RuntimeError("no model loaded")
            return float(self.model.predict([features])[0])


holder = ModelHolder()


class QueueSnapshot(BaseModel):
    cars_in_queue: int
    tunnel_speed_cpm: float
    hour: int
    weekday: int
    raining: bool = False


def require_admin(x_admin_token: str = Header("")):
    if not ADMIN_TOKEN or not hmac.compare_digest(x_admin_token, ADMIN_TOKEN):
        raise HTTPException(status_code=401, detail="admin token required")


@app.post("/admin/model", dependencies=[Depends(require_admin)])
async def upload_model(file: UploadFile = File(...)):
    blob = await file.read()
    try:
        holder.swap(blob)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"model rejected: {exc}")
    with open(MODEL_PATH, "wb") as fh:
        fh.write(blob)
    log.info("model replaced (%d bytes)", len(blob))
    return {"loaded_at": holder.loaded_at.isoformat()}


@app.post("/predict")
def predict(snap: QueueSnapshot):
    features = [snap.cars_in_queue, snap.tunnel_speed_cpm, snap.hour, snap.weekday, int(snap.raining)]
    try:
        minutes = holder.predict(features)
    except RuntimeError:
        minutes = snap.cars_in_queue * 60.0 / max(snap.tunnel_speed_cpm * 60.0, 1.0)
    return {"minutes": max(0, round(minutes))}
