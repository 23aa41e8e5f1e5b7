"""Provision and revoke VPN users on the edge concentrators from helpdesk tickets."""
import argparse
import json
import logging
import sys

import paramiko

log = logging.getLogger("vpnadmin")

CONCENTRATORS = ["vpn-edge-1.corp.example.net", "vpn-edge-2.corp.example.net"]
SSH_USER = "vpnops"
SSH_PASSWORD = "Vpn0ps!2022-edge"  # VULN
DEFAULT_GROUP = "staff"


class Concentrator:
    def __init__(self, host):
        self.host = host
        self.client = paramiko.SSHClient()
        self.client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN

    def __enter__(self):
        self.client.connect(self.host, username=SSH_USER, password=SSH_PASSWORD, timeout=10)
        return self

    def __exit__(self, *exc):
        self.client.close()

    def run(self, command):
        _, stdout, stderr = self.client.exec_command(command, timeout=30)  # VULN flow
        rc = stdout.channel.recv_exit_status()
        if rc != 0:
            raise RuntimeError(f"{self.host}: exit {rc}: {stderr.read().decode().strip()}")
        return stdout.read().decode()


def load_ticket(path):
    with open(path, encoding="utf-8") as fh:
        ticket = json.load(fh)
    return {
        "action": ticket["fields"]["vpn_action"],
        "username": ticket["fields"]["requested_username"],
        "group": ticket["fields"].get("vpn_group") or DEFAULT_GROUP,
        "ticket_id": int(ticket["id"]),
    }


def apply_request(req):
    if req["action"] == "add":
        command = f"sudo ovpn-user add --group {req['group']} {req['username']}"
    elif req["action"] == "revoke":
        command = f"sudo ovpn-user revoke {req['username']}"
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
