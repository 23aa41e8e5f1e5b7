"""Setlist archive search API (fan site + PRS returns tooling)."""
import re
from datetime import date
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="Setlist archive")


class Song(BaseModel):
    position: int
    title: str
    writers: List[str] = []


class Setlist(BaseModel):
    show_id: int
    artist: str
    venue: str
    played_on: date
    songs: List[Song]


# Loaded at startup from the archive export.
ARCHIVE: List[Setlist] = []


class SongMatcher:
    def __init__(self, pattern: str, whole_word: bool = False):
        pattern = re.escape(pattern)
        if whole_word:
            pattern = r"\b" + pattern + r"\b"
        self.pattern = pattern
        self.rx = re.compile(pattern, re.IGNORECASE)

    def matches(self, song: Song) -> bool:
        return bool(self.rx.search(song.title))


def search(matcher: SongMatcher, artist: Optional[str], year: Optional[int]) -> List[dict]:
    hits = []
    for sl in ARCHIVE:
        if artist and sl.artist.lower() != artist.lower():
            continue
        if year and sl.played_on.year != year:
            continue
        for song in sl.songs:
            if matcher.matches(song):
                hits.append({
                    "show_id": sl.show_id,
                    "venue": sl.venue,
                    "date": sl.played_on.isoformat(),
                    "position": song.position,
                    "title": song.title,
                })
    return hits


@app.get("/setlists/songs")
def song_search(
    q: str = Query(..., min_length=1, max_length=200),
    artist: Optional[str] = None,
    year: Optional[int] = None,
    whole_word: bool = False,
):
    try:
        matcher = SongMatcher(q, whole_word=whole_word)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")
    results = search(matcher, artist, year)
    return {"count": len(results), "results": results[:500]}
