import os

import requests
from fastapi import FastAPI, HTTPException, Query

app = FastAPI()
GEOCODE_URL = "https://maps.example.com/api/geocode/json"


@app.get("/geocode")
def geocode(address: str = Query(..., max_length=200)):
    params = {"address": address, "key": os.environ["MAPS_API_KEY"]}
    resp = requests.get(GEOCODE_URL, params=params, timeout=10)
    if resp.status_code != 200:
        raise HTTPException(status_code=502, detail="geocoder unavailable")
    return resp.json()
