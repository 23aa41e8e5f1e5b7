#!/usr/bin/env python3
"""Backup agent: processes tenant backup requests from the portal queue
directory and streams a tarball of the requested path from the file server."""
import json
import logging
import os
import time
from pathlib import Path

import paramiko

log = logging.getLogger("backup-agent")

QUEUE_DIR = Path(os.environ.get("BACKUP_QUEUE", "/var/spool/backup-requests"))
ARCHIVE_DIR = Path(os.environ.get("BACKUP_ARCHIVE", "/srv/backups"))
FILESERVER = os.environ.get("BACKUP_FILESERVER", "files01.internal.example.com")
SSH_USER = "backup"
SSH_PASSWORD = "B@ckup-Agent#77"  # VULN


def connect():
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(FILESERVER, username=SSH_USER, password=SSH_PASSWORD, timeout=20)
    return client


def build_tar_command(request):
    tenant = request["tenant"]
    sub_path = request.get("path", "")
    source = f"/export/tenants/{tenant}/{sub_path}".rstrip("/")
    return f"tar -czf - {source}"


def run_backup(client, request, job_id):
    command = build_tar_command(request)
    target = ARCHIVE_DIR / f"{job_id}.tar.gz"
    _, stdout, stderr = client.exec_command(command, timeout=3600)  # VULN flow
    with open(target, "wb") as out:
        while True:
            chunk = stdout.channel.recv(1 << 16)
            if not chunk:
                break
            out.write(chunk)
    status = stdout.channel.recv_exit_status()
    if status != 0:
        log.error("backup %s failed: %s", job_id, stderr.read().decode(errors="replace")[:500])
        target.unlink(missing_ok=True)
        return False
    log.info("backup %s stored at %s", job_id, target)
    return True


def process_queue():
    jobs = sorted(QUEUE_DIR.glob("*.json"))
    if not jobs:
        return 0
    client = connect()
    try:
        for job_file in jobs:
            try:
                request = json.loads(job_file.read_text())
            except (OSError, json.JSONDecodeError) as exc:
                log.warning("unreadable job %s: %s", job_file.name, exc)
                continue
            run_backup(client, request, job_file.stem)
            job_file.unlink()
    finally:
        client.close()
    return len(jobs)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    while True:
        processed = process_queue()
        time.sleep(5 if processed else 30)
