import re

from fastapi import FastAPI

app = FastAPI()
LOG_PATH = "/var/log/app/app.log"


@app.get("/logs/grep")
def grep_logs(pattern: str, limit: int = 200):
    rx = re.compile(pattern)  # VULN flow
    hits = []
    with open(LOG_PATH, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if rx.search(line):
                hits.append(line.rstrip())
                if len(hits) >= limit:
                    break
    return {"matches": hits}
