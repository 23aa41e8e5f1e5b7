"""Import Garmin TCX workout files uploaded by members."""
from typing import List

from fastapi import FastAPI, File, HTTPException, UploadFile
from lxml import etree

app = FastAPI(title="activity-import")

NS = {"tcx": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}
MAX_UPLOAD = 5 * 1024 * 1024


def make_parser() -> etree.XMLParser:
    # large multi-hour rides produce big files, keep the parser permissive
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)


def _lap_totals(activity):
    laps = activity.findall("tcx:Lap", NS)
    seconds = sum(float(l.findtext("tcx:TotalTimeSeconds", "0", NS)) for l in laps)
    meters = sum(float(l.findtext("tcx:DistanceMeters", "0", NS)) for l in laps)
    kcal = sum(int(l.findtext("tcx:Calories", "0", NS)) for l in laps)
    return seconds, meters, kcal


def parse_activities(data: bytes) -> List[dict]:
    root = etree.fromstring(data, parser=make_parser())  # VULN flow
    activities = []
    for act in root.iterfind(".//tcx:Activity", NS):
        seconds, meters, kcal = _lap_totals(act)
        hr = [int(v.text) for v in act.iterfind(".//tcx:HeartRateBpm/tcx:Value", NS)
              if v.text and v.text.isdigit()]
        activities.append({
            "sport": act.get("Sport", "Other"),
            "started": act.findtext("tcx:Id", "", NS),
            "duration_min": round(seconds / 60, 1),
            "distance_km": round(meters / 1000, 2),
            "calories": kcal,
            "avg_hr": round(sum(hr) / len(hr)) if hr else None,
            "notes": act.findtext("tcx:Notes", "", NS),
        })
    return activities


@app.post("/members/{member_id}/activities/import")
async def import_activities(member_id: int, file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="file too large")
    try:
        activities = parse_activities(data)
    except etree.XMLSyntaxError:
        raise HTTPException(status_code=400, detail="not a valid TCX file")
    return {"member_id": member_id, "imported": len(activities), "activities": activities}
