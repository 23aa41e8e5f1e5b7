"""Sensor calibration profiles uploaded from the field technicians' tablets.

Profiles hold the two-point calibration for chlorine, turbidity and pH
analysers at treatment works and reservoir outlets (Starlette).
"""
import json
import logging
from dataclasses import asdict, dataclass, fields

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("calibration")

PROFILES = {}
MAX_BODY = 64 * 1024


@dataclass
class CalibrationProfile:
    sensor_id: str
    analyte: str
    offset: float
    slope: float
    reference_lot: str
    performed_by: str
    performed_at: str

    def apply(self, raw: float) -> float:
        return round(raw * self.slope + self.offset, 4)


def decode_profile(text: str) -> CalibrationProfile:
    data = json.loads(text)
    values = {f.name: data[f.name] for f in fields(CalibrationProfile)}
    values["offset"] = float(values["offset"])
    values["slope"] = float(values["slope"])
    for name in ("sensor_id", "analyte", "reference_lot", "performed_by", "performed_at"):
        values[name] = str(values[name])
    return CalibrationProfile(**values)


async def upload_profile(request: Request) -> JSONResponse:
    body = await request.body()
    if len(body) > MAX_BODY:
        return JSONResponse({"error": "profile too large"}, status_code=413)
    text = body.decode("utf-8")
    try:
        profile = decode_profile(text)
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": "not a calibration profile"}, status_code=400)
    if not 0.5 <= profile.slope <= 2.0:
        return JSONResponse({"error": "slope out of range"}, status_code=422)
    PROFILES[profile.sensor_id] = profile
    log.info("calibration stored for sensor %r by %r", profile.sensor_id, profile.performed_by)
    return JSONResponse({"stored": profile.sensor_id}, status_code=201)


async def get_profile(request: Request) -> JSONResponse:
    profile = PROFILES.get(request.path_params["sensor_id"])
    if profile is None:
        return JSONResponse({"error": "no profile"}, status_code=404)
    return JSONResponse(asdict(profile))


async def calibrate(request: Request) -> JSONResponse:
    profile = PROFILES.get(request.path_params["sensor_id"])
    if profile is None:
        return JSONResponse({"error": "no profile"}, status_code=404)
    try:
        raw = float(request.query_params["raw"])
    except (KeyError, ValueError):
        return JSONResponse({"error": "raw reading required"}, status_code=400)
    return JSONResponse({"sensor_id": profile.sensor_id, "raw": raw, "value": profile.apply(raw)})


app = Starlette(routes=[
    Route("/profiles", upload_profile, methods=["POST"]),
    Route("/profiles/{sensor_id}", get_profile, methods=["GET"]),
    Route("/profiles/{sensor_id}/calibrate", calibrate, methods=["GET"]),
])
