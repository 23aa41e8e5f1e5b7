"""Celery tasks that roll a service version out to app hosts over SSH."""
import logging
import os
import re
import shlex

import paramiko
from celery import Celery

app = Celery("rollout", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/2"))
log = logging.getLogger(__name__)

DEPLOY_USER = os.environ.get("ROLLOUT_SSH_USER", "deploy")
KEY_PATH = os.environ.get("ROLLOUT_SSH_KEY", "/etc/rollout/id_ed25519")
INVENTORY = {
    "web": ["app-web-01.internal", "app-web-02.internal"],
    "workers": ["app-worker-01.internal", "app-worker-02.internal", "app-worker-03.internal"],
}
SERVICES = {"storefront", "orders-api", "email-worker", "image-resizer"}
VERSION_RE = re.compile(r"^v?\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$")


def open_client(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=DEPLOY_USER, key_filename=KEY_PATH, timeout=10, banner_timeout=10)
    return client


def rollout_script(service, version):
    if service not in SERVICES or not VERSION_RE.fullmatch(version):
        raise ValueError("unknown service or malformed version")
    svc, ver, unit = shlex.quote(service), shlex.quote(version), shlex.quote(f"{service}.service")
    return (
        f"sudo /opt/rollout/switch.sh {svc} {ver} && "
        f"sudo systemctl restart {unit} && "
        f"systemctl is-active {unit}"
    )


@app.task(bind=True, max_retries=2, default_retry_delay=20, acks_late=True)
def rollout_host(self, host, service, version):
    client = open_client(host)
    try:
        _stdin, stdout, stderr = client.exec_command(rollout_script(service, version), timeout=180)
        rc = stdout.channel.recv_exit_status()
        output = stdout.read().decode(errors="replace")[-2000:]
        errors = stderr.read().decode(errors="replace")[-2000:]
    except (paramiko.SSHException, OSError) as exc:
        raise self.retry(exc=exc)
    finally:
        client.close()
    log.info("rollout on %r finished rc=%d", host, rc)
    return {"host": host, "rc": rc, "stdout": output, "stderr": errors}


@app.task
def rollout_group(group, service, version):
    hosts = INVENTORY.get(group)
    if not hosts:
        raise ValueError(f"unknown host group {group!r}")
    return [rollout_host.delay(h, service, version).id for h in hosts]
