import os
import sys

import paramiko

HOSTS_FILE = "/etc/fleet/hosts.txt"


def uptime(host):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(host, username="deploy", key_filename=os.path.expanduser("~/.ssh/deploy_ed25519"), timeout=10)
    try:
        _, stdout, _ = client.exec_command("uptime -p")
        return stdout.read().decode().strip()
    finally:
        client.close()


def main():
    with open(HOSTS_FILE) as fh:
        hosts = [line.strip() for line in fh if line.strip() and not line.startswith("#")]
    for host in hosts:
        try:
            print(f"{host:30} {uptime(host)}")
        except (paramiko.SSHException, OSError) as exc:
            print(f"{host:30} ERROR {exc}", file=sys.stderr)


if __name__ == "__main__":
    main()
