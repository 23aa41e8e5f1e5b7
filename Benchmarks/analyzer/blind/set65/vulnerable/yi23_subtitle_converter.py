"""Worker that converts uploaded subtitle files (SRT/ASS) to WebVTT for the player."""
import json
import logging
import os
import re

import redis

log = logging.getLogger("subtitles.worker")

QUEUE_KEY = "subtitles:convert"
DONE_KEY = "subtitles:done"
UPLOAD_DIR = os.environ.get("SUBTITLE_UPLOAD_DIR", "/srv/video/uploads")
OUTPUT_DIR = os.environ.get("SUBTITLE_OUTPUT_DIR", "/srv/video/subtitles")
VIDEO_ID_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")


class ConversionJob:
    def __init__(self, payload: dict):
        if not VIDEO_ID_RE.match(payload["video_id"]):
            raise ValueError("bad video id")
        self.video_id = payload["video_id"]
        self.source = os.path.join(UPLOAD_DIR, os.path.basename(payload["upload_name"]))
        self.lang = payload.get("lang", "en")
        self.label = payload.get("label", self.lang)
        self.output = os.path.join(OUTPUT_DIR, self.video_id, "track.vtt")
        self.command = self._build_command()

    def _build_command(self) -> str:
        return (
            f"ffmpeg -nostdin -loglevel error -y -sub_charenc UTF-8 -i {self.source} "
            f"-metadata:s:s:0 language={self.lang} "
            f"-metadata:s:s:0 title='{self.label}' -f webvtt {self.output}"
        )


def run_job(job: ConversionJob) -> bool:
    os.makedirs(os.path.dirname(job.output), exist_ok=True)
    status = os.system(job.command)  # VULN flow
    if status != 0:
        log.error("conversion failed for video %s (status %s)", job.video_id, status)
        return False
    return True


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
                             socket_timeout=30)
    log.info("waiting for subtitle jobs on %s", QUEUE_KEY)
    while True:
        item = r.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            continue
        try:
            job = ConversionJob(json.loads(item[1]))
        except (ValueError, KeyError) as exc:
            log.warning("dropping malformed job: %r", exc)
            continue
        ok = run_job(job)
        r.rpush(DONE_KEY, json.dumps({"video_id": job.video_id, "ok": ok}))


if __name__ == "__main__":
    main()
