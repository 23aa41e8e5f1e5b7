"""Karaoke lyrics service: serves .lrc timing files and accepts community uploads."""
import logging
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, Query, UploadFile
from fastapi.responses import PlainTextResponse

LYRICS_ROOT = Path("/srv/karaoke/lyrics")
SUPPORTED_LANGS = {"en", "es", "ja", "ko", "pt", "fr", "de"}
MAX_LRC_BYTES = 256 * 1024

app = FastAPI(title="karaoke-lyrics")
log = logging.getLogger("lyrics")


def lyric_path(lang: str, filename: str) -> Path:
    base = (LYRICS_ROOT / lang).resolve()
    candidate = (base / filename).resolve()
    if not candidate.is_relative_to(base):
        raise HTTPException(status_code=400, detail="invalid file name")
    return candidate


@app.get("/lyrics", response_class=PlainTextResponse)
def get_lyrics(
    file: str = Query(..., description="e.g. bohemian_rhapsody.lrc"),
    lang: str = Query("en"),
):
    if lang not in SUPPORTED_LANGS:
        raise HTTPException(status_code=400, detail="unsupported language")
    path = lyric_path(lang, file)
    if not path.is_file():
        raise HTTPException(status_code=404, detail="no lyrics for that song")
    return path.read_text(encoding="utf-8", errors="replace")


@app.get("/lyrics/index/{lang}")
def list_lyrics(lang: str):
    if lang not in SUPPORTED_LANGS:
        raise HTTPException(status_code=400, detail="unsupported language")
    folder = LYRICS_ROOT / lang
    return sorted(p.name for p in folder.glob("*.lrc"))


@app.post("/lyrics/{lang}")
async def upload_lyrics(
    lang: str,
    song: str = Form(...),
    lrc: UploadFile = File(...),
):
    if lang not in SUPPORTED_LANGS:
        raise HTTPException(status_code=400, detail="unsupported language")
    data = await lrc.read()
    if len(data) > MAX_LRC_BYTES:
        raise HTTPException(status_code=413, detail="file too large")
    if not data.lstrip().startswith(b"["):
        raise HTTPException(status_code=422, detail="not an LRC file")

    name = Path(lrc.filename or f"{song}.lrc").name
    dest = lyric_path(lang, name)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "wb") as fh:
        fh.write(data)
    log.info("stored lyrics for %r as %r", song, dest.name)
    return {"stored": dest.name, "bytes": len(data)}
