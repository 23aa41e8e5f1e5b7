"""Chapter markers for uploaded videos.

Creators paste the chapter file exported by the desktop editor; the player
reads the normalised list back from ``GET /videos/{id}/chapters``.
"""
import logging
from dataclasses import asdict, dataclass
from typing import Dict, List

import jsonpickle
from fastapi import FastAPI, HTTPException, Request

log = logging.getLogger("video.chapters")
app = FastAPI(title="chapters")

MAX_CHAPTERS = 200
_chapters: Dict[str, List["Chapter"]] = {}


@dataclass
class Chapter:
    start: float
    title: str


def _normalise(items) -> List[Chapter]:
    chapters = []
    for item in items:
        if isinstance(item, Chapter):
            chapters.append(item)
        elif isinstance(item, dict):
            chapters.append(Chapter(float(item["start"]), str(item["title"])[:120]))
        else:
            raise ValueError("unsupported chapter entry")
    chapters.sort(key=lambda c: c.start)
    return chapters


def parse_chapters(raw: str) -> List[Chapter]:
    payload = jsonpickle.decode(raw)  # VULN flow
    items = payload.get("chapters", []) if isinstance(payload, dict) else payload
    if not isinstance(items, list) or len(items) > MAX_CHAPTERS:
        raise ValueError("chapters must be a list of at most %d entries" % MAX_CHAPTERS)
    return _normalise(items)


@app.put("/videos/{video_id}/chapters")
async def import_chapters(video_id: str, request: Request):
    raw = (await request.body()).decode("utf-8", "replace")
    try:
        chapters = parse_chapters(raw)
    except (ValueError, KeyError, TypeError) as exc:
        raise HTTPException(422, f"invalid chapter file: {exc}")
    if chapters and chapters[0].start != 0:
        chapters.insert(0, Chapter(0.0, "Intro"))
    _chapters[video_id] = chapters
    return {"video": video_id, "count": len(chapters)}


@app.get("/videos/{video_id}/chapters")
def get_chapters(video_id: str):
    return {"video": video_id, "chapters": [asdict(c) for c in _chapters.get(video_id, [])]}
