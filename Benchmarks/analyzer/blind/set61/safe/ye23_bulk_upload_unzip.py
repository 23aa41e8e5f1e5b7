"""Consumer for "upload a whole album as .zip" jobs.

The web tier drops the uploaded archive in object storage and publishes a
message; this worker unpacks it into the album's staging folder.
"""
import json
import logging
import os
import zipfile
from dataclasses import dataclass

log = logging.getLogger("bulk_upload")

STAGING_ROOT = os.environ.get("ALBUM_STAGING", "/srv/picbook/staging")
IMAGE_EXT = (".jpg", ".jpeg", ".png", ".heic", ".webp", ".gif")
MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 40 * 1024 * 1024


@dataclass
class UploadJob:
    album_id: int
    archive_path: str

    @classmethod
    def from_message(cls, body: bytes) -> "UploadJob":
        data = json.loads(body)
        return cls(album_id=int(data["album_id"]), archive_path=data["archive_path"])

    @property
    def staging_dir(self) -> str:
        return os.path.join(STAGING_ROOT, str(self.album_id))


def extract_images(job: UploadJob) -> list:
    os.makedirs(job.staging_dir, exist_ok=True)
    root = os.path.realpath(job.staging_dir)
    written = []
    with zipfile.ZipFile(job.archive_path) as zf:
        members = [m for m in zf.infolist() if not m.is_dir()][:MAX_MEMBERS]
        for member in members:
            if not member.filename.lower().endswith(IMAGE_EXT):
                continue
            if member.file_size > MAX_MEMBER_BYTES:
                log.warning("album %d: skipping oversized member", job.album_id)
                continue
            target = os.path.realpath(os.path.join(root, member.filename))
            if os.path.commonpath([root, target]) != root:
                log.warning("album %d: skipping member outside staging dir", job.album_id)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:
                dst.write(src.read(MAX_MEMBER_BYTES))
            written.append(target)
    return written


def on_message(channel, method, properties, body):
    try:
        job = UploadJob.from_message(body)
        files = extract_images(job)
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        log.error("rejecting upload message: %s", type(exc).__name__)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    log.info("album %d: staged %d images", job.album_id, len(files))
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    import pika
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost/%2f"))
    conn = pika.BlockingConnection(params)
    channel = conn.channel()
    channel.queue_declare(queue="album.bulk_upload", durable=True)
    channel.basic_qos(prefetch_count=4)
    channel.basic_consume(queue="album.bulk_upload", on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
