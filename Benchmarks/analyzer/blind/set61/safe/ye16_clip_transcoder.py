"""Worker that transcodes short video clips posted to stories."""
import json
import logging
import os
import shutil
import subprocess
import tempfile

log = logging.getLogger("clip_transcoder")

STORIES_DIR = os.environ.get("STORIES_DIR", "/srv/stories/published")
FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
PRESETS = {
    "story": ["-vf", "scale=720:-2", "-c:v", "libx264", "-preset", "veryfast", "-crf", "26"],
    "preview": ["-vf", "scale=320:-2", "-t", "3", "-an", "-c:v", "libx264", "-crf", "30"],
}


class TranscodeError(RuntimeError):
    pass


def transcode(src_path, preset="story"):
    fd, out_path = tempfile.mkstemp(suffix=".mp4", prefix="clip_")
    os.close(fd)
    cmd = [FFMPEG, "-nostdin", "-y", "-i", src_path, *PRESETS[preset],
           "-movflags", "+faststart", out_path]
    proc = subprocess.run(cmd, capture_output=True, timeout=300)
    if proc.returncode != 0:
        os.unlink(out_path)
        raise TranscodeError(proc.stderr.decode(errors="replace")[-500:])
    return out_path


def publish(tmp_path, story_id, preset):
    os.makedirs(STORIES_DIR, exist_ok=True)
    final = os.path.join(STORIES_DIR, f"{int(story_id)}_{preset}.mp4")
    shutil.move(tmp_path, final)
    # nginx and the thumbnailer share the "media" group
    os.chmod(final, 0o640)
    return final


def handle_message(raw):
    msg = json.loads(raw)
    story_id = msg["story_id"]
    src = msg["source_path"]
    results = {}
    for preset in msg.get("presets", ["story", "preview"]):
        if preset not in PRESETS:
            log.warning("unknown preset %r for story %r", preset, story_id)
            continue
        try:
            tmp = transcode(src, preset)
        except (TranscodeError, subprocess.TimeoutExpired) as exc:
            log.error("story %r preset %r failed: %s", story_id, preset, exc)
            continue
        results[preset] = publish(tmp, story_id, preset)
    return results


def main(queue):
    for raw in queue:
        out = handle_message(raw)
        log.info("published %d renditions", len(out))


if __name__ == "__main__":
    import sys
    logging.basicConfig(level=logging.INFO)
    main(line for line in sys.stdin if line.strip())
