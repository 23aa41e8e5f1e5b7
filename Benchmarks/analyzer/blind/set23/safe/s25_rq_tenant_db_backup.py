"""RQ jobs for the self-service database portal: on-demand tenant backups over SSH."""
import datetime
import logging
import os
import re
import shlex

import paramiko
from redis import Redis
from rq import Queue

log = logging.getLogger("dbportal.backups")
queue = Queue("backups", connection=Redis.from_url(os.environ.get("RQ_REDIS_URL", "redis://localhost:6379/0")))
DB_NAME_RE = re.compile(r"[a-z_][a-z0-9_]{0,62}")
LABEL_RE = re.compile(r"[A-Za-z0-9_-]{1,40}")


class BackupTarget:
    def __init__(self, db_name: str, host: str, label: str = ""):
        if not DB_NAME_RE.fullmatch(db_name) or (label and not LABEL_RE.fullmatch(label)):
            raise ValueError("invalid database name or label")
        self.db_name = db_name
        self.host = host
        self.label = label or db_name


class RemoteShell:
    def __init__(self, host: str):
        self.client = paramiko.SSHClient()
        self.client.load_system_host_keys()
        self.client.set_missing_host_key_policy(paramiko.RejectPolicy())
        self.client.connect(host, username="backup", key_filename=os.environ["BACKUP_SSH_KEY"], timeout=20)

    def run(self, command: str):
        _stdin, stdout, stderr = self.client.exec_command(command, timeout=3600)
        code = stdout.channel.recv_exit_status()
        return code, stderr.read().decode(errors="replace")

    def close(self) -> None:
        self.client.close()


def build_dump_command(target: BackupTarget, stamp: str) -> str:
    outfile = f"/backups/{target.label}-{stamp}.dump.gz"
    return f"pg_dump --format=custom {shlex.quote(target.db_name)} | gzip -9 > {shlex.quote(outfile)}"


def run_backup(db_name: str, host: str, label: str = "") -> dict:
    target = BackupTarget(db_name, host, label)
    stamp = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%S")
    shell = RemoteShell(target.host)
    try:
        code, err = shell.run(build_dump_command(target, stamp))
    finally:
        shell.close()
    if code != 0:
        log.error("backup of %r failed: %r", target.db_name, err)
        raise RuntimeError("backup failed")
    log.info("backup of %r completed (%s)", target.db_name, stamp)
    return {"db": target.db_name, "stamp": stamp}


def request_backup(form: dict, allowed_hosts: set):
    """Called from the portal's Flask view with the submitted backup form."""
    host = form["host"]
    if host not in allowed_hosts:
        raise PermissionError("unknown database host")
    return queue.enqueue(run_backup, form["database"], host, form.get("label", ""), job_timeout=7200)
