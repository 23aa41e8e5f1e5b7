"""Upload endpoint for radiosonde soundings in the partner XML exchange format.

<sounding station="72451" launch="2024-05-06T00:00Z">
  <level p="850" z="1490" t="14.2" td="9.8" dir="190" spd="35"/>
  ...
</sounding>
"""
import io
import logging
from typing import List

from fastapi import FastAPI, File, HTTPException, UploadFile
from xml.sax import SAXException, handler, make_parser
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

log = logging.getLogger("soundings.upload")
app = FastAPI(title="Sounding exchange")
MAX_UPLOAD = 4 * 1024 * 1024


class SoundingHandler(handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.station = None
        self.launch = None
        self.levels: List[dict] = []

    def startElement(self, name, attrs):
        if name == "sounding":
            self.station = attrs.get("station")
            self.launch = attrs.get("launch")
        elif name == "level":
            self.levels.append({k: float(attrs.get(k)) for k in ("p", "z", "t", "td")
                                if attrs.get(k) not in (None, "")})


def parse_sounding(data: bytes) -> SoundingHandler:
    sounding = SoundingHandler()
    parser = make_parser()
    parser.setFeature(feature_namespaces, False)
    # older partner files reference an external station header; it is not fetched
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(sounding)
    parser.parse(io.BytesIO(data))
    return sounding


def summarise(levels: List[dict]) -> dict:
    by_p = {int(l["p"]): l for l in levels if "p" in l}
    out = {"levels": len(levels)}
    if 850 in by_p and 500 in by_p and "t" in by_p[850] and "t" in by_p[500]:
        out["lapse_850_500"] = round(by_p[850]["t"] - by_p[500]["t"], 1)
    if 850 in by_p and "td" in by_p[850]:
        out["td_850"] = by_p[850]["td"]
    return out


@app.post("/soundings")
async def upload_sounding(file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="file too large")
    try:
        sounding = parse_sounding(data)
    except (SAXException, ValueError) as exc:
        raise HTTPException(status_code=400, detail=f"unparseable sounding: {exc}")
    if not sounding.station or not sounding.levels:
        raise HTTPException(status_code=422, detail="no station or levels in document")
    log.info("accepted sounding with %d levels", len(sounding.levels))
    return {"station": sounding.station, "launch": sounding.launch, **summarise(sounding.levels)}
