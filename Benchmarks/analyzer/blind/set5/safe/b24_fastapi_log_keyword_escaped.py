import re
from pathlib import Path

from fastapi import FastAPI, Query

app = FastAPI()
LOG_FILE = Path("/var/log/app/service.log")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class LogSearch:
    def __init__(self, keyword: str, level: str):
        self.pattern = rf"\b{level}\b.*\b{re.escape(keyword)}\b"

    def run(self, limit: int = 200):
        matcher = re.compile(self.pattern, re.IGNORECASE)
        hits = []
        with LOG_FILE.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if matcher.search(line):
                    hits.append(line.rstrip("\n"))
                    if len(hits) >= limit:
                        break
        return hits


@app.get("/logs/search")
def search_logs(keyword: str = Query(..., min_length=2, max_length=100), level: str = Query("ERROR")):
    if level.upper() not in LEVELS:
        return {"error": "unknown level"}
    return {"keyword": keyword, "lines": LogSearch(keyword, level.upper()).run()}
