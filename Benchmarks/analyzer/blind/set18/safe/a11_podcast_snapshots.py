"""Podcast analytics: ingests listening-session snapshots uploaded by the mobile SDK."""
import gzip
import hmac
import json
import logging
import os
import pickle
from collections import Counter, defaultdict
from pathlib import Path

from fastapi import FastAPI, Header, HTTPException, Request

log = logging.getLogger("podcast.ingest")
app = FastAPI()

APP_KEYS = set(filter(None, os.environ.get("PODCAST_APP_KEYS", "").split(",")))
CHECKPOINT = Path(os.environ.get("PODCAST_CHECKPOINT", "/var/lib/podcast/aggregate.pkl"))


class SnapshotDecoder:
    def __init__(self, max_sessions: int = 5000) -> None:
        self.max_sessions = max_sessions

    def decode(self, payload: bytes) -> list[dict]:
        sessions = json.loads(payload)
        if not isinstance(sessions, list) or not all(isinstance(s, dict) for s in sessions):
            raise ValueError("snapshot must be a list of sessions")
        return sessions[: self.max_sessions]


class Aggregator:
    def __init__(self) -> None:
        self.plays = Counter()
        self.seconds = defaultdict(float)
        self.completions = Counter()

    def add(self, sessions: list[dict]) -> int:
        for s in sessions:
            episode = str(s.get("episode_id"))
            listened = float(s.get("listened_s", 0))
            self.plays[episode] += 1
            self.seconds[episode] += listened
            if s.get("duration_s") and listened >= 0.9 * float(s["duration_s"]):
                self.completions[episode] += 1
        return len(sessions)

    def checkpoint(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump({"plays": self.plays, "seconds": dict(self.seconds),
                         "completions": self.completions}, fh)
        tmp.replace(path)


decoder = SnapshotDecoder()
aggregator = Aggregator()


def check_app_key(key: str) -> None:
    if not any(hmac.compare_digest(key, k) for k in APP_KEYS):
        raise HTTPException(status_code=401, detail="unknown app key")


@app.post("/v1/snapshots", status_code=202)
async def upload_snapshot(request: Request, x_app_key: str = Header(...)):
    check_app_key(x_app_key)
    raw = await request.body()
    if request.headers.get("content-encoding") == "gzip":
        raw = gzip.decompress(raw)
    try:
        sessions = decoder.decode(raw)
        count = aggregator.add(sessions)
    except (ValueError, TypeError) as exc:
        raise HTTPException(status_code=400, detail=f"bad snapshot: {exc}")
    aggregator.checkpoint(CHECKPOINT)
    return {"accepted": count}


@app.get("/v1/episodes/{episode_id}/stats")
def episode_stats(episode_id: str):
    plays = aggregator.plays.get(episode_id, 0)
    if not plays:
        raise HTTPException(status_code=404, detail="no data")
    return {"plays": plays,
            "avg_listen_s": round(aggregator.seconds[episode_id] / plays, 1),
            "completion_rate": round(aggregator.completions[episode_id] / plays, 3)}
