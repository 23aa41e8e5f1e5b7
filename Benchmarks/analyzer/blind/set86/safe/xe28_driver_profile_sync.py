"""Driver profile sync between the mobile app, the head unit and the cloud.

Profiles carry seat/mirror presets, preferred charging networks, charge
limits and departure timers. The app serialises the profile object with
jsonpickle (shared model package) and PUTs it here.
"""
import json
import logging
from dataclasses import dataclass, field, fields
from typing import Dict, List

import jsonpickle
from fastapi import Depends, FastAPI, HTTPException, Request, Response

app = FastAPI(title="profile-sync")
log = logging.getLogger("profiles")

PROFILES: Dict[str, "DriverProfile"] = {}


@dataclass
class DriverProfile:
    driver_id: str
    charge_limit_pct: int = 80
    preferred_networks: List[str] = field(default_factory=list)
    departure_timers: List[Dict] = field(default_factory=list)
    seat_preset: Dict[str, int] = field(default_factory=dict)


async def current_driver(request: Request) -> str:
    driver = request.headers.get("X-Driver-Id")
    if not driver:
        raise HTTPException(status_code=401)
    return driver


class ProfileCodec:
    @staticmethod
    def decode(raw: str) -> DriverProfile:
        doc = json.loads(raw)
        if not isinstance(doc, dict):
            raise ValueError("payload is not a DriverProfile")
        known = {f.name for f in fields(DriverProfile)}
        try:
            return DriverProfile(**{k: v for k, v in doc.items() if k in known})
        except TypeError as exc:
            raise ValueError(str(exc))

    @staticmethod
    def encode(profile: DriverProfile) -> str:
        return jsonpickle.encode(profile, unpicklable=False)


@app.put("/v1/vehicles/{vin}/profile")
async def put_profile(vin: str, request: Request, driver: str = Depends(current_driver)):
    raw = (await request.body()).decode("utf-8")
    try:
        profile = ProfileCodec.decode(raw)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    if profile.driver_id != driver:
        raise HTTPException(status_code=403, detail="profile belongs to another driver")
    if not isinstance(profile.charge_limit_pct, int) or not 50 <= profile.charge_limit_pct <= 100:
        raise HTTPException(status_code=422, detail="charge limit out of range")
    PROFILES[f"{vin}:{driver}"] = profile
    log.info("stored profile for driver %r on %r", driver, vin)
    return {"status": "ok"}


@app.get("/v1/vehicles/{vin}/profile")
async def get_profile(vin: str, driver: str = Depends(current_driver)):
    profile = PROFILES.get(f"{vin}:{driver}")
    if profile is None:
        raise HTTPException(status_code=404)
    return Response(ProfileCodec.encode(profile), media_type="application/json")
