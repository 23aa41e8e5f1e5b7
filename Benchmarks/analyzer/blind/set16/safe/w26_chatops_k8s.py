"""ChatOps handler: `!restart <namespace> <deployment>` and `!nodelogs <node>`."""
import logging
import os
import re
import subprocess

import paramiko

log = logging.getLogger("chatops")
ALLOWED_NAMESPACES = {"web", "payments", "search", "batch"}
DNS_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")
SSH_USER = os.environ.get("NODE_SSH_USER", "ops")
SSH_KEY = os.environ.get("NODE_SSH_KEY", os.path.expanduser("~/.ssh/id_ed25519"))


def clean(arg):
    if not DNS_LABEL.fullmatch(arg):
        raise ValueError(f"not a valid resource name: {arg!r}")
    return arg


def restart_deployment(namespace, deployment):
    if namespace not in ALLOWED_NAMESPACES:
        return f"namespace {namespace!r} is not managed by the bot"
    cmd = ["kubectl", "-n", namespace, "rollout", "restart", f"deployment/{clean(deployment)}"]
    out = subprocess.check_output(cmd, stderr=subprocess.STDOUT, text=True, timeout=60)
    return out.strip()


def known_nodes():
    out = subprocess.check_output(["kubectl", "get", "nodes", "-o", "name"], text=True, timeout=30)
    return {line.split("/", 1)[1] for line in out.splitlines() if "/" in line}


def node_logs(node, lines=200):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(node, username=SSH_USER, key_filename=SSH_KEY, timeout=10)
    try:
        _, stdout, _ = client.exec_command(f"journalctl -u kubelet -n {int(lines)} --no-pager", timeout=30)
        return stdout.read().decode("utf-8", "replace")
    finally:
        client.close()


def handle_message(user, text):
    parts = text.split()
    if not parts:
        return None
    try:
        if parts[0] == "!restart" and len(parts) == 3:
            log.info("restart requested by %r: %r", user, parts[1:])
            return restart_deployment(parts[1], parts[2])
        if parts[0] == "!nodelogs" and len(parts) == 2:
            if parts[1] not in known_nodes():
                return "unknown node"
            return node_logs(parts[1])[-3500:]
    except (ValueError, subprocess.CalledProcessError, paramiko.SSHException) as exc:
        log.warning("command from %r failed: %r", user, exc)
        return f"failed: {exc}"
    return None


if __name__ == "__main__":
    import sys
    logging.basicConfig(level=logging.INFO)
    for line in sys.stdin:
        reply = handle_message(os.environ.get("USER", "cli"), line)
        if reply:
            print(reply)
