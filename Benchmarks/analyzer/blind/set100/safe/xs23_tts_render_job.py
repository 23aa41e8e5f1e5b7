"""Background job: render audio for a teacher's vocabulary list.

Enqueued from the web app (RQ) whenever a vocabulary list is published;
writes one MP3 per word under AUDIO_ROOT/<list_id>/.
"""
import logging
import os
import re
import subprocess
from pathlib import Path
from typing import List

import psycopg2

log = logging.getLogger("tts_render")

AUDIO_ROOT = Path(os.environ.get("AUDIO_ROOT", "/srv/tutor/audio"))
VOICES = {"es": "es", "fr": "fr-fr", "de": "de", "it": "it", "pt": "pt-br"}


def fetch_list(conn, list_id: int):
    with conn.cursor() as cur:
        cur.execute("SELECT language FROM vocab_lists WHERE id = %s", (list_id,))
        (language,) = cur.fetchone()
        cur.execute("SELECT id, word FROM vocab_items WHERE list_id = %s ORDER BY position", (list_id,))
        items = [{"id": r[0], "word": r[1]} for r in cur.fetchall()]
    return language, items


def slug(word: str) -> str:
    return re.sub(r"[^\w-]+", "_", word.strip().lower()).strip("_")[:60] or "word"


def espeak_cmd(voice: str, text: str, out_path: Path, speed: int) -> List[str]:
    return ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out_path), "--", text]


def render_item(voice: str, item: dict, out_dir: Path, speed: int) -> Path:
    wav = out_dir / f"{item['id']}-{slug(item['word'])}.wav"
    mp3 = wav.with_suffix(".mp3")
    rc = subprocess.call(espeak_cmd(voice, item["word"], wav, speed))
    if rc != 0:
        raise RuntimeError(f"espeak-ng exited with {rc}")
    subprocess.check_call(["ffmpeg", "-y", "-loglevel", "error", "-i", str(wav), "-b:a", "64k", str(mp3)])
    wav.unlink()
    return mp3


def render_vocab_list(list_id: int, speed: int = 150) -> int:
    """RQ entry point."""
    conn = psycopg2.connect(os.environ["PG_DSN"])
    try:
        language, items = fetch_list(conn, list_id)
    finally:
        conn.close()
    voice = VOICES.get(language, "en")
    out_dir = AUDIO_ROOT / str(list_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    rendered = 0
    for item in items:
        try:
            render_item(voice, item, out_dir, int(speed))
            rendered += 1
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            log.warning("list %d item %d failed: %s", list_id, item["id"], exc)
    log.info("list %d: rendered %d/%d words", list_id, rendered, len(items))
    return rendered
