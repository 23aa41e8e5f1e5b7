"""Dispatch API: drivers accept ride offers using short-lived bearer tokens."""
import logging
import os
import time
from typing import Dict

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

log = logging.getLogger("dispatch.api")
app = FastAPI(title="dispatch")

JWT_SECRET = os.environ["DISPATCH_JWT_SECRET"]
TOKEN_TTL = int(os.environ.get("DISPATCH_TOKEN_TTL", "900"))
OFFERS: Dict[str, dict] = {}


class DriverClaims(BaseModel):
    sub: str
    region: str
    vehicle_class: str


class AcceptOffer(BaseModel):
    offer_id: str
    eta_minutes: int


def issue_token(driver_id: str, region: str, vehicle_class: str) -> str:
    now = int(time.time())
    payload = {"sub": driver_id, "region": region, "vehicle_class": vehicle_class,
               "iat": now, "exp": now + TOKEN_TTL}
    return jwt.encode(payload, JWT_SECRET, algorithm="HS256")


def current_driver(authorization: str = Header(...)) -> DriverClaims:
    if not authorization.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="missing bearer token")
    token = authorization[len("Bearer "):]
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    if claims.get("exp", 0) < time.time():
        raise HTTPException(status_code=401, detail="token expired")
    return DriverClaims(**{k: claims.get(k, "") for k in ("sub", "region", "vehicle_class")})


@app.get("/offers")
def list_offers(driver: DriverClaims = Depends(current_driver)):
    visible = [
        {"offer_id": oid, **{k: v for k, v in offer.items() if k != "rider_phone"}}
        for oid, offer in OFFERS.items()
        if offer["region"] == driver.region and offer["vehicle_class"] == driver.vehicle_class
        and offer.get("driver") is None
    ]
    return {"offers": visible}


@app.post("/offers/accept")
def accept_offer(body: AcceptOffer, driver: DriverClaims = Depends(current_driver)):
    offer = OFFERS.get(body.offer_id)
    if offer is None or offer["region"] != driver.region:
        raise HTTPException(status_code=404, detail="offer not found")
    if offer.get("driver"):
        raise HTTPException(status_code=409, detail="offer already taken")
    if not 0 < body.eta_minutes <= 60:
        raise HTTPException(status_code=422, detail="eta out of range")
    offer["driver"] = driver.sub
    offer["eta_minutes"] = body.eta_minutes
    log.info("offer %s accepted by driver %s", body.offer_id, driver.sub)
    return {"offer_id": body.offer_id, "rider_phone": offer["rider_phone"]}
