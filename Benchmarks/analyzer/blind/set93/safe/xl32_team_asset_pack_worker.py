"""Worker that unpacks organiser-uploaded team asset packs (logos, banners) for broadcast."""
import json
import logging
import os
import subprocess
import tarfile

import boto3

log = logging.getLogger("assetpacks")

BUCKET = os.environ.get("ASSET_BUCKET", "arena-asset-uploads")
QUEUE_URL = os.environ["ASSET_QUEUE_URL"]
STAGING = os.environ.get("ASSET_STAGING", "/srv/broadcast/assets")
LOGO_SIZE = "512x512"

s3 = boto3.client("s3")
sqs = boto3.client("sqs")


def download_pack(key: str) -> str:
    local = os.path.join("/var/tmp/assetpacks", os.path.basename(key))
    os.makedirs(os.path.dirname(local), exist_ok=True)
    s3.download_file(BUCKET, key, local)
    return local


def _safe_members(tar: tarfile.TarFile, dest: str):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            continue
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            log.warning("skipping member outside destination: %r", member.name)
            continue
        yield member


def unpack(pack_path: str, tournament_id: int) -> str:
    dest = os.path.join(STAGING, str(tournament_id))
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(pack_path, "r:*") as tar:
        tar.extractall(dest, members=_safe_members(tar, dest))
    return dest


def resize_logos(dest: str) -> int:
    count = 0
    logo_dir = os.path.join(dest, "logos")
    for name in sorted(os.listdir(logo_dir)):
        if not name.lower().endswith((".png", ".jpg", ".jpeg", ".webp")):
            continue
        src = os.path.join(logo_dir, name)
        out = os.path.splitext(src)[0] + "_broadcast.png"
        cmd = ["convert", src, "-resize", LOGO_SIZE, "-background", "none",
               "-gravity", "center", "-extent", LOGO_SIZE, out]
        if subprocess.run(cmd, timeout=60).returncode == 0:
            count += 1
        else:
            log.warning("resize failed for %r", name)
    return count


def handle(message: dict) -> None:
    body = json.loads(message["Body"])
    pack = download_pack(body["s3_key"])
    dest = unpack(pack, int(body["tournament_id"]))
    n = resize_logos(dest)
    log.info("tournament %s: %d logos prepared", body["tournament_id"], n)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for msg in resp.get("Messages", []):
            try:
                handle(msg)
            except Exception:
                log.exception("asset pack failed")
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    main()
