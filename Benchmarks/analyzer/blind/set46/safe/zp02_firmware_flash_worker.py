#!/usr/bin/env python3
"""Flashing-station worker.

Technicians queue jobs from the bench web UI; each job names the serial port a
gateway is plugged into, the chip family and the firmware release to write.
"""
import json
import logging
import os
import re
import subprocess
import time

import redis

log = logging.getLogger("flash-worker")

FIRMWARE_DIR = os.environ.get("FIRMWARE_DIR", "/opt/firmware/releases")
QUEUE = "bench:flash-jobs"
RESULTS = "bench:flash-results"
PORT_RE = re.compile(r"^/dev/tty(USB|ACM)[0-9]{1,2}$")
RELEASE_RE = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")
CHIPS = {"esp32", "esp32s3", "esp8266"}


class Flasher:
    def __init__(self, port: str, chip: str, baud: int = 460800):
        if not PORT_RE.match(port) or chip not in CHIPS:
            raise ValueError("unsupported port or chip")
        self.port = port
        self.chip = chip
        self.baud = baud

    def build_command(self, image: str, offset: str) -> list:
        return [
            "esptool.py", "--chip", self.chip, "--port", self.port,
            "--baud", str(self.baud), "write_flash", offset, image,
        ]

    def erase(self) -> int:
        log.info("erasing flash on %r", self.port)
        return subprocess.call(["esptool.py", "--port", self.port, "erase_flash"])

    def flash(self, image: str, offset: str = "0x1000") -> subprocess.CompletedProcess:
        cmd = self.build_command(image, offset)
        return subprocess.run(cmd, capture_output=True, text=True)


def resolve_image(chip: str, release: str) -> str:
    if not RELEASE_RE.match(release):
        raise ValueError("bad release")
    return os.path.join(FIRMWARE_DIR, chip, f"gateway-{release}.bin")


def handle_job(job: dict) -> dict:
    flasher = Flasher(job["port"], job.get("chip", "esp32"))
    image = resolve_image(flasher.chip, job["release"])
    if not os.path.exists(image):
        return {"id": job.get("id"), "ok": False, "error": "unknown release"}
    if job.get("erase_first"):
        flasher.erase()
    proc = flasher.flash(image)
    return {
        "id": job.get("id"),
        "ok": proc.returncode == 0,
        "output": proc.stdout[-2000:],
    }


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = json.loads(raw)
            result = handle_job(job)
        except (ValueError, KeyError) as exc:
            log.warning("bad job payload: %r", exc)
            continue
        r.rpush(RESULTS, json.dumps(result))
        time.sleep(0.5)


if __name__ == "__main__":
    main()
