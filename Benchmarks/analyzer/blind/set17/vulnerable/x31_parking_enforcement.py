"""Queue worker pushing appeal outcomes to on-street parking kiosks over SSH.

Jobs are enqueued by the public appeals portal after a case officer decides an appeal.
"""
import json
import logging
import os
import signal

import paramiko
import redis

log = logging.getLogger("parking.kiosk_worker")

QUEUE = os.environ.get("KIOSK_QUEUE", "appeals:kiosk-updates")
KIOSK_USER = os.environ.get("KIOSK_SSH_USER", "kioskops")
KIOSK_KEY = os.environ.get("KIOSK_SSH_KEY", "/etc/parking/keys/kioskops_ed25519")
_running = True


class KioskClient:
    def __init__(self, host):
        self.host = host
        self.ssh = paramiko.SSHClient()
        self.ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN

    def __enter__(self):
        self.ssh.connect(self.host, username=KIOSK_USER, key_filename=KIOSK_KEY, timeout=10)
        return self

    def __exit__(self, *exc):
        self.ssh.close()

    def run(self, command):
        _stdin, stdout, stderr = self.ssh.exec_command(command, timeout=30)  # VULN flow
        status = stdout.channel.recv_exit_status()
        return status, stderr.read().decode(errors="replace")


def build_clear_command(job):
    return "kioskctl penalty clear --plate %s --zone %s --case %s" % (
        job["plate"], job["zone"], job["case_ref"])


def process(job):
    host = "kiosk-%03d.parking.internal" % int(job["kiosk_no"])
    with KioskClient(host) as kiosk:
        status, err = kiosk.run(build_clear_command(job))
    if status != 0:
        log.warning("kiosk %s rejected update for case %r: %s", host, job["case_ref"], err[:200])
        return False
    log.info("kiosk %s cleared case %r", host, job["case_ref"])
    return True


def _stop(signum, frame):
    global _running
    _running = False


def main():
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while _running:
        item = r.blpop(QUEUE, timeout=5)
        if item is None:
            continue
        try:
            job = json.loads(item[1])
            if not process(job):
                r.rpush(QUEUE + ":failed", item[1])
        except (ValueError, KeyError, paramiko.SSHException, OSError):
            log.exception("job failed")
            r.rpush(QUEUE + ":failed", item[1])


if __name__ == "__main__":
    main()
