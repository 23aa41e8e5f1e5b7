"""Provision and revoke VPN users on the edge concentrators from helpdesk tickets."""
import argparse
import json
import logging
import os
import re
import shlex
import sys

import paramiko

log = logging.getLogger("vpnadmin")

CONCENTRATORS = ["vpn-edge-1.corp.example.net", "vpn-edge-2.corp.example.net"]
SSH_USER = "vpnops"
SSH_KEY_FILE = os.environ.get("VPNOPS_SSH_KEY", os.path.expanduser("~/.ssh/vpnops_ed25519"))
DEFAULT_GROUP = "staff"
VPN_GROUPS = {"staff", "contractors", "engineering", "finance"}
USERNAME_RE = re.compile(r"^[a-z][a-z0-9_-]{2,31}$")


class Concentrator:
    def __init__(self, host):
        self.host = host
        self.client = paramiko.SSHClient()
        self.client.load_system_host_keys()
        self.client.set_missing_host_key_policy(paramiko.RejectPolicy())

    def __enter__(self):
        self.client.connect(self.host, username=SSH_USER, key_filename=SSH_KEY_FILE, timeout=10)
        return self

    def __exit__(self, *exc):
        self.client.close()

    def run(self, command):
        _, stdout, stderr = self.client.exec_command(command, timeout=30)
        rc = stdout.channel.recv_exit_status()
        if rc != 0:
            raise RuntimeError(f"{self.host}: exit {rc}: {stderr.read().decode().strip()}")
        return stdout.read().decode()


def load_ticket(path):
    with open(path, encoding="utf-8") as fh:
        ticket = json.load(fh)
    req = {
        "action": ticket["fields"]["vpn_action"],
        "username": ticket["fields"]["requested_username"],
        "group": ticket["fields"].get("vpn_group") or DEFAULT_GROUP,
        "ticket_id": int(ticket["id"]),
    }
    if not isinstance(req["username"], str) or not USERNAME_RE.match(req["username"]):
        raise ValueError("invalid username")
    if req["group"] not in VPN_GROUPS:
        raise ValueError("unknown VPN group")
    return req


def apply_request(req):
    user, group = shlex.quote(req["username"]), shlex.quote(req["group"])
    if req["action"] == "add":
        command = f"sudo ovpn-user add --group {group} {user}"
    elif req["action"] == "revoke":
        command = f"sudo ovpn-user revoke {user}"
    else:
        raise ValueError("unknown action")
    for host in CONCENTRATORS:
        with Concentrator(host) as conc:
            conc.run(command)
            log.info("ticket %d applied on %s", req["ticket_id"], host)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Apply a VPN access ticket exported from the helpdesk.")
    parser.add_argument("ticket", help="path to the exported ticket JSON")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    try:
        apply_request(load_ticket(args.ticket))
    except (KeyError, ValueError, RuntimeError, paramiko.SSHException) as exc:
        log.error("could not apply ticket: %s", type(exc).__name__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
