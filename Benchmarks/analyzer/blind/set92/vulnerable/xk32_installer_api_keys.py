"""Installer portal: API keys and signed commands for thermostat fleets.

Installers get an API key to push configuration to the thermostats they
manage; commands relayed to devices carry a signature the firmware checks.
"""
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import time
from typing import Optional

log = logging.getLogger("installer.keys")

DB_PATH = os.environ.get("INSTALLER_DB", "/var/lib/installer/portal.db")
FLEET_SECRET = os.environ["FLEET_COMMAND_SECRET"].encode()


def issue_api_key(email: str) -> str:
    seed = f"{email.lower()}:{int(time.time())}"
    return hashlib.md5(seed.encode("utf-8")).hexdigest()  # VULN


def key_fingerprint(api_key: str) -> str:
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def sign_command(command: dict) -> str:
    body = json.dumps(command, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha1(FLEET_SECRET + body).hexdigest()  # VULN


def verify_command(command: dict, signature: str) -> bool:
    return hmac.compare_digest(sign_command(command), signature)


class KeyStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS api_keys (fingerprint TEXT PRIMARY KEY, "
            "email TEXT, created INTEGER, revoked INTEGER DEFAULT 0)")

    def create(self, email: str) -> str:
        api_key = issue_api_key(email)
        with self.conn:
            self.conn.execute(
                "INSERT INTO api_keys (fingerprint, email, created) VALUES (?, ?, ?)",
                (key_fingerprint(api_key), email, int(time.time())))
        log.info("api key issued for installer %r", email)
        return api_key

    def lookup(self, api_key: str) -> Optional[str]:
        row = self.conn.execute(
            "SELECT email FROM api_keys WHERE fingerprint = ? AND revoked = 0",
            (key_fingerprint(api_key),)).fetchone()
        return row[0] if row else None

    def revoke(self, email: str) -> int:
        with self.conn:
            cur = self.conn.execute("UPDATE api_keys SET revoked = 1 WHERE email = ?", (email,))
        return cur.rowcount


def build_setpoint_command(serial: str, setpoint: float, installer: str) -> dict:
    command = {"serial": serial, "op": "setpoint", "value": round(setpoint, 1),
               "by": installer, "ts": int(time.time())}
    command["sig"] = sign_command({k: v for k, v in command.items() if k != "sig"})
    return command
