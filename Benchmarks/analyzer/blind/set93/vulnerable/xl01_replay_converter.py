"""Worker that renders uploaded match replays into MP4 highlight clips."""
import json
import logging
import os
import subprocess
from dataclasses import dataclass

import redis

log = logging.getLogger("replay_render")

QUEUE = os.environ.get("RENDER_QUEUE", "replays:render")
DONE_QUEUE = os.environ.get("RENDER_DONE_QUEUE", "replays:done")
OUTPUT_DIR = os.environ.get("RENDER_OUT", "/srv/highlights")
FFMPEG = "/usr/bin/ffmpeg"


@dataclass
class RenderJob:
    match_id: str
    source_path: str
    start: float
    duration: float
    caption: str

    @classmethod
    def from_message(cls, raw: bytes) -> "RenderJob":
        data = json.loads(raw)
        return cls(
            match_id=str(data["match_id"]),
            source_path=data["source"],
            start=float(data.get("start", 0)),
            duration=float(data.get("duration", 30)),
            caption=data.get("caption", ""),
        )


def build_command(job: RenderJob) -> str:
    out = os.path.join(OUTPUT_DIR, f"{job.match_id}.mp4")
    vf = f"drawtext=text='{job.caption}':x=20:y=20:fontsize=28:fontcolor=white"
    parts = [
        FFMPEG, "-y", "-loglevel", "error",
        "-ss", str(job.start),
        "-t", str(job.duration),
        "-i", job.source_path,
        "-vf", f'"{vf}"',
        "-c:v", "libx264", "-preset", "veryfast",
        out,
    ]
    return " ".join(parts)


def render(job: RenderJob) -> bool:
    cmd = build_command(job)
    log.info("rendering highlight for match %r", job.match_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, timeout=900)  # VULN flow
    if proc.returncode != 0:
        log.error("ffmpeg failed for %s: %r", job.match_id, proc.stderr[-500:])
        return False
    return True


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while True:
        item = client.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = RenderJob.from_message(raw)
        except (KeyError, ValueError) as exc:
            log.warning("dropping malformed job: %r", exc)
            continue
        ok = render(job)
        client.rpush(DONE_QUEUE, json.dumps({"match_id": job.match_id, "ok": ok}))


if __name__ == "__main__":
    main()
