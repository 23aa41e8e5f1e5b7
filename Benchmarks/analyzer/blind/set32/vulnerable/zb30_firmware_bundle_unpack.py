"""Scheduled job: unpack vendor firmware bundles and stage them for OTA rollout."""
import hashlib
import json
import logging
import os
import shutil
import zipfile
from pathlib import Path

logger = logging.getLogger("ota.stage")

INBOX = Path(os.environ.get("OTA_INBOX", "/srv/ota/inbox"))
STAGING = Path(os.environ.get("OTA_STAGING", "/srv/ota/staging"))
REJECTED = Path(os.environ.get("OTA_REJECTED", "/srv/ota/rejected"))
MAX_UNCOMPRESSED = int(os.environ.get("OTA_MAX_BUNDLE_BYTES", str(256 * 1024 * 1024)))


class BundleError(Exception):
    pass


def unpack_bundle(bundle_path, dest_root):
    dest_root.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(bundle_path) as bundle:
        members = [m for m in bundle.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > MAX_UNCOMPRESSED:
            raise BundleError("bundle expands beyond the configured limit")
        for member in members:
            target = os.path.join(dest_root, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with bundle.open(member) as src, open(target, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst, 1024 * 1024)
    return dest_root


def verify_manifest(stage_dir):
    manifest_path = stage_dir / "manifest.json"
    if not manifest_path.is_file():
        raise BundleError("manifest.json missing")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    root = stage_dir.resolve()
    for entry in manifest.get("images", []):
        image = (root / entry["file"]).resolve()
        if not image.is_relative_to(root) or not image.is_file():
            raise BundleError("manifest references an invalid image path")
        digest = hashlib.sha256(image.read_bytes()).hexdigest()
        if digest != entry["sha256"].lower():
            raise BundleError(f"checksum mismatch for {entry['file']}")
    return manifest


def process_inbox():
    staged = 0
    for bundle_path in sorted(INBOX.glob("*.zip")):
        stage_dir = STAGING / bundle_path.stem
        try:
            unpack_bundle(bundle_path, stage_dir)
            manifest = verify_manifest(stage_dir)
        except (BundleError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            logger.error("bundle %r rejected: %s", bundle_path.name, type(exc).__name__)
            shutil.rmtree(stage_dir, ignore_errors=True)
            bundle_path.replace(REJECTED / bundle_path.name)
            continue
        bundle_path.unlink()
        staged += 1
        logger.info("staged %r for model %r", manifest.get("version"), manifest.get("device_model"))
    return staged


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    logger.info("staged %d bundles", process_inbox())
