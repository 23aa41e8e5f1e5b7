"""Consumes ``video.uploaded`` events and renders streaming renditions of
trainer workout videos.

Events are published by the upload API with the fields the trainer filled in:
``{"object_key": "...", "title": "...", "renditions": ["480p", "720p"]}``.
"""
import json
import logging
import os
import subprocess

import pika

log = logging.getLogger("transcoder")

UPLOAD_ROOT = os.environ.get("UPLOAD_ROOT", "/srv/media/uploads")
OUTPUT_ROOT = os.environ.get("OUTPUT_ROOT", "/srv/media/renditions")
RENDITIONS = {"480p": "854:480", "720p": "1280:720", "1080p": "1920:1080"}


def build_ffmpeg(src: str, dst: str, size: str, title: str) -> list:
    return [
        "ffmpeg", "-hide_banner", "-y", "-i", src, "-vf", f"scale={size}",
        "-metadata", f"title={title}", "-c:v", "libx264", "-preset", "fast", "-c:a", "aac", dst,
    ]


def _source_path(object_key: str) -> str:
    root = os.path.realpath(UPLOAD_ROOT)
    src = os.path.realpath(os.path.join(root, object_key))
    if os.path.commonpath([root, src]) != root:
        raise ValueError("object key outside upload root")
    return src


def handle(event: dict) -> list:
    src = _source_path(event["object_key"])
    stem = os.path.splitext(os.path.basename(event["object_key"]))[0]
    title = event.get("title", stem)
    outputs = []
    for label in event.get("renditions", ["720p"]):
        size = RENDITIONS.get(label)
        if size is None:
            log.warning("skipping unknown rendition %r", label)
            continue
        dst = os.path.join(OUTPUT_ROOT, f"{stem}_{label}.mp4")
        cmd = build_ffmpeg(src, dst, size, title)
        rc = subprocess.run(cmd, check=False).returncode
        if rc != 0:
            raise RuntimeError(f"ffmpeg exited with {rc} for {label}")
        outputs.append(dst)
    return outputs


def on_message(channel, method, properties, body):
    try:
        event = json.loads(body)
        outputs = handle(event)
        log.info("rendered %d files for %r", len(outputs), event.get("object_key"))
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except Exception:
        log.exception("transcode failed")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue="video.uploaded", durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue="video.uploaded", on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
