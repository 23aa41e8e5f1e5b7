"""Issue container release PINs and haulier API keys after freight is paid."""
import logging
import secrets
import sqlite3
import string
from datetime import datetime, timedelta, timezone

log = logging.getLogger("release")

PIN_ALPHABET = string.ascii_uppercase + string.digits
PIN_LENGTH = 8
PIN_VALIDITY = timedelta(days=5)


def generate_release_pin(length: int = PIN_LENGTH) -> str:
    return "".join(secrets.choice(PIN_ALPHABET) for _ in range(length))


def generate_haulier_key() -> str:
    return "hk_%s" % secrets.token_hex(16)


class ReleaseService:
    def __init__(self, db_path: str):
        self.db = sqlite3.connect(db_path)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS releases (container_no TEXT, bl_no TEXT, pin TEXT, "
            "valid_until TEXT, collected INTEGER DEFAULT 0)"
        )
        self.db.execute("CREATE TABLE IF NOT EXISTS hauliers (scac TEXT PRIMARY KEY, api_key TEXT)")

    def release_container(self, container_no: str, bl_no: str) -> dict:
        pin = generate_release_pin()
        valid_until = datetime.now(timezone.utc) + PIN_VALIDITY
        with self.db:
            self.db.execute(
                "INSERT INTO releases (container_no, bl_no, pin, valid_until) VALUES (?, ?, ?, ?)",
                (container_no, bl_no, pin, valid_until.isoformat()),
            )
        log.info("release issued for %s under B/L %s", container_no, bl_no)
        return {"container_no": container_no, "pin": pin, "valid_until": valid_until.isoformat()}

    def register_haulier(self, scac: str) -> str:
        key = generate_haulier_key()
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO hauliers (scac, api_key) VALUES (?, ?)", (scac, key))
        return key

    def check_pin(self, container_no: str, pin: str) -> bool:
        row = self.db.execute(
            "SELECT valid_until FROM releases WHERE container_no = ? AND pin = ? AND collected = 0",
            (container_no, pin),
        ).fetchone()
        if row is None:
            return False
        return datetime.fromisoformat(row[0]) > datetime.now(timezone.utc)


if __name__ == "__main__":
    svc = ReleaseService("/var/lib/release/releases.db")
    print(svc.release_container("MSCU1234565", "MEDUX1234567"))
