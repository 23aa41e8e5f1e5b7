import argparse
import base64
import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

import boto3

logger = logging.getLogger("keybackup")

DEFAULT_BACKUP_DIR = Path("/var/backups/kms-datakeys")


def _ensure_dir(path: Path):
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)


def generate_wrapped_keys(kms, key_id, count):
    for _ in range(count):
        resp = kms.generate_data_key_without_plaintext(KeyId=key_id, KeySpec="AES_256")
        yield {
            "key_id": resp["KeyId"],
            "ciphertext_blob": base64.b64encode(resp["CiphertextBlob"]).decode(),
        }


def write_bundle(path: Path, bundle: dict):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(bundle, fh, indent=2)
    os.chmod(path, 0o600)


def run(key_id, count, backup_dir):
    kms = boto3.client("kms")
    _ensure_dir(backup_dir)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    bundle = {
        "created_at": stamp,
        "master_key": key_id,
        "data_keys": list(generate_wrapped_keys(kms, key_id, count)),
    }
    target = backup_dir / f"datakeys-{stamp}.json"
    write_bundle(target, bundle)
    logger.info("wrote %d wrapped data keys to %s", count, target)
    return target


def main():
    parser = argparse.ArgumentParser(description="Pre-generate and back up KMS data keys")
    parser.add_argument("--key-id", default=os.environ.get("PAYMENTS_KMS_KEY_ID"))
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--backup-dir", type=Path, default=DEFAULT_BACKUP_DIR)
    args = parser.parse_args()
    if not args.key_id:
        parser.error("--key-id or PAYMENTS_KMS_KEY_ID is required")
    logging.basicConfig(level=logging.INFO)
    run(args.key_id, max(1, min(args.count, 100)), args.backup_dir)


if __name__ == "__main__":
    main()
