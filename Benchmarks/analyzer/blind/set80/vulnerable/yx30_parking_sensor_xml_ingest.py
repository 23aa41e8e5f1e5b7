"""FastAPI endpoint receiving park-and-ride bay occupancy reports (XML).

The in-ground sensor vendor's concentrators POST a small XML report
every minute; we keep the latest occupancy per car park.
"""
import io
import logging
import xml.sax
from datetime import datetime
from xml.sax.handler import feature_external_ges

from fastapi import FastAPI, HTTPException, Request

app = FastAPI(title="parkride-occupancy")
log = logging.getLogger("parkride")

OCCUPANCY = {}
MAX_REPORT = 256 * 1024


class OccupancyHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.car_park = None
        self.bays = {}
        self._bay = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "carPark":
            self.car_park = attrs.get("id")
        elif name == "bay":
            self._bay = attrs.get("id")
            self._buf = []

    def characters(self, content):
        if self._bay is not None:
            self._buf.append(content)

    def endElement(self, name):
        if name == "bay" and self._bay is not None:
            self.bays[self._bay] = "".join(self._buf).strip()
            self._bay = None


def parse_report(payload: bytes) -> OccupancyHandler:
    handler = OccupancyHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # VULN flow
    return handler


@app.post("/parkride/reports")
async def receive_report(request: Request):
    payload = await request.body()
    if len(payload) > MAX_REPORT:
        raise HTTPException(status_code=413, detail="report too large")
    try:
        report = parse_report(payload)
    except xml.sax.SAXParseException as exc:
        raise HTTPException(status_code=400, detail=f"bad xml: {exc.getMessage()}")
    if not report.car_park:
        raise HTTPException(status_code=422, detail="carPark id missing")
    occupied = sum(1 for v in report.bays.values() if v == "occupied")
    OCCUPANCY[report.car_park] = {
        "total": len(report.bays),
        "occupied": occupied,
        "bays": report.bays,
        "updated": datetime.utcnow().isoformat() + "Z",
    }
    return {"car_park": report.car_park, "occupied": occupied, "total": len(report.bays)}


@app.get("/parkride/{car_park}")
async def car_park_status(car_park: str):
    status = OCCUPANCY.get(car_park)
    if status is None:
        raise HTTPException(status_code=404, detail="unknown car park")
    return status
