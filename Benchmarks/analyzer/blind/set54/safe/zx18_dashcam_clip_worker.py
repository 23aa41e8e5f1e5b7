"""Worker that turns raw dashcam uploads into shareable incident clips.

Runs on the shared media host; picks jobs from the Redis list
`dashcam:jobs`, trims the raw H.264 stream around the incident time
and writes an MP4 into the incident archive.
"""
import json
import logging
import os
import shutil
import subprocess
import tempfile
import time

import redis

log = logging.getLogger("dashcam-worker")
ARCHIVE = "/srv/incidents/clips"
RAW_DIR = "/srv/incidents/raw"
FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"


def clip_bounds(job):
    centre = float(job["incident_offset_s"])
    before = float(job.get("pre_s", 10))
    after = float(job.get("post_s", 20))
    return max(0.0, centre - before), before + after


def transcode(raw_path, start, duration):
    fd, tmp_out = tempfile.mkstemp(suffix=".mp4", prefix="clip_")
    os.close(fd)
    cmd = [
        FFMPEG, "-loglevel", "error", "-y",
        "-ss", "%.2f" % start, "-t", "%.2f" % duration,
        "-i", raw_path,
        "-c:v", "libx264", "-preset", "veryfast", "-an",
        tmp_out,
    ]
    subprocess.run(cmd, check=True, timeout=300)
    return tmp_out


def publish(tmp_out, incident_id):
    os.makedirs(ARCHIVE, exist_ok=True)
    final = os.path.join(ARCHIVE, "%d.mp4" % int(incident_id))
    shutil.move(tmp_out, final)
    os.chmod(final, 0o640)
    return final


def handle(job):
    raw_path = os.path.join(RAW_DIR, os.path.basename(job["raw_file"]))
    start, duration = clip_bounds(job)
    out = transcode(raw_path, start, duration)
    final = publish(out, job["incident_id"])
    log.info("incident %r clip ready at %s", job["incident_id"], final)
    return final


def run_forever(r):
    while True:
        item = r.blpop("dashcam:jobs", timeout=30)
        if item is None:
            continue
        try:
            job = json.loads(item[1])
            handle(job)
        except (ValueError, KeyError, subprocess.SubprocessError) as exc:
            log.error("job failed: %s", type(exc).__name__)
            time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_forever(redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), socket_timeout=60))
