"""Ops portal Celery tasks: restart services on fleet hosts over SSH."""
import logging
import os
import shlex

import paramiko
from celery import Celery

app = Celery("opsportal", broker=os.environ["CELERY_BROKER_URL"])
log = logging.getLogger("opsportal.tasks")

INVENTORY = {
    "web-1": "10.20.1.11",
    "web-2": "10.20.1.12",
    "worker-1": "10.20.2.21",
}
RESTARTABLE_UNITS = {"nginx.service", "gunicorn.service", "celery-worker.service", "pgbouncer.service"}
SSH_USER = os.environ.get("OPS_SSH_USER", "opsbot")
SSH_KEY = os.environ.get("OPS_SSH_KEY", "/etc/opsportal/id_ed25519")


def _connect(address):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(address, username=SSH_USER, key_filename=SSH_KEY, timeout=10)
    return client


def _restart_command(unit):
    if unit not in RESTARTABLE_UNITS:
        raise ValueError(f"unit {unit!r} is not restartable from the portal")
    quoted = shlex.quote(unit)
    return f"sudo systemctl restart {quoted} && systemctl is-active {quoted}"


@app.task(bind=True, max_retries=2, default_retry_delay=15)
def restart_service(self, host_alias, unit, requested_by):
    """Queued by the portal form: host_alias and unit come straight from the form."""
    address = INVENTORY.get(host_alias)
    if address is None:
        raise ValueError(f"unknown host {host_alias!r}")
    log.info("restart of %r on %r requested by %r", unit, host_alias, requested_by)
    command = _restart_command(unit)
    client = _connect(address)
    try:
        _, stdout, stderr = client.exec_command(command, timeout=60)
        status = stdout.channel.recv_exit_status()
        output = stdout.read().decode(errors="replace").strip()
        errors = stderr.read().decode(errors="replace").strip()
    except paramiko.SSHException as exc:
        raise self.retry(exc=exc)
    finally:
        client.close()
    return {"host": host_alias, "unit": unit, "exit": status, "state": output, "stderr": errors[-500:]}
