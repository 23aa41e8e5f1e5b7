import csv
import os

from fastapi import FastAPI, Request

app = FastAPI()
REPORT_DIR = os.environ.get("REPORT_DIR", "/var/app/reports")


class ReportWriter:
    def __init__(self, base_dir, name):
        self.path = os.path.join(base_dir, name)
        self._fh = None

    def __enter__(self):
        self._fh = open(self.path, "w", newline="", encoding="utf-8")  # VULN flow
        return csv.writer(self._fh)

    def __exit__(self, exc_type, exc, tb):
        self._fh.close()
        return False


@app.post("/reports")
async def save_report(request: Request):
    data = await request.json()
    rows = data.get("rows", [])
    with ReportWriter(REPORT_DIR, data["name"] + ".csv") as writer:
        writer.writerow(data.get("columns", []))
        writer.writerows(rows)
    return {"saved": data["name"], "rows": len(rows)}
