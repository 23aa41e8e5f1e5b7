"""Shared calibration profiles for DIY hive scales (FastAPI).

Members who build load-cell scales publish their calibration so that others
with the same cell/amplifier combination can reuse it.
"""
import logging
from typing import Dict, List

import jsonpickle
from fastapi import FastAPI, HTTPException, Request, Response

log = logging.getLogger("calibration")
app = FastAPI(title="Scale calibration profiles")


class CalibrationProfile:
    def __init__(self, scale_model: str, offset_g: float, factor: float, temp_coeff: float = 0.0,
                 reference_temp_c: float = 20.0):
        self.scale_model = scale_model
        self.offset_g = offset_g
        self.factor = factor
        self.temp_coeff = temp_coeff
        self.reference_temp_c = reference_temp_c

    def apply(self, raw: float, temp_c: float) -> float:
        grams = (raw - self.offset_g) * self.factor
        grams -= self.temp_coeff * (temp_c - self.reference_temp_c)
        return round(grams / 1000.0, 3)


PROFILES: Dict[str, CalibrationProfile] = {}


@app.post("/profiles/{name}", status_code=201)
async def upload_profile(name: str, request: Request):
    body = (await request.body()).decode("utf-8")
    profile = jsonpickle.decode(body)  # VULN flow
    if not isinstance(profile, CalibrationProfile):
        raise HTTPException(status_code=422, detail="not a calibration profile")
    PROFILES[name] = profile
    log.info("stored calibration profile %r for %r", name, profile.scale_model)
    return {"name": name, "scale_model": profile.scale_model}


@app.get("/profiles/{name}")
def download_profile(name: str):
    profile = PROFILES.get(name)
    if profile is None:
        raise HTTPException(status_code=404)
    return Response(jsonpickle.encode(vars(profile), unpicklable=False), media_type="application/json")


@app.post("/profiles/{name}/apply")
def apply_profile(name: str, readings: List[Dict[str, float]]):
    profile = PROFILES.get(name)
    if profile is None:
        raise HTTPException(status_code=404)
    return {"weights_kg": [profile.apply(r["raw"], r.get("temp_c", 20.0)) for r in readings]}
