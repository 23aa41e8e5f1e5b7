"""License key generator/validator for the desktop product (python-fire CLI)."""
import base64
import datetime as dt
import json

import fire
from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

LICENSE_KEY = b"Vx7!qP2#sL9@mN4$"  # VULN
EDITIONS = ("community", "pro", "enterprise")


def _cipher():
    return AES.new(LICENSE_KEY, AES.MODE_ECB)  # VULN


class LicenseTool:
    """Issue and inspect license keys."""

    def issue(self, customer: str, edition: str = "pro", seats: int = 5, days: int = 365) -> str:
        if edition not in EDITIONS:
            raise ValueError(f"edition must be one of {EDITIONS}")
        payload = {
            "customer": customer,
            "edition": edition,
            "seats": int(seats),
            "expires": (dt.date.today() + dt.timedelta(days=int(days))).isoformat(),
        }
        blob = _cipher().encrypt(pad(json.dumps(payload, sort_keys=True).encode(), AES.block_size))
        return base64.b32encode(blob).decode().rstrip("=")

    def inspect(self, key: str) -> dict:
        padded = key.strip().upper() + "=" * (-len(key.strip()) % 8)
        raw = unpad(_cipher().decrypt(base64.b32decode(padded)), AES.block_size)
        info = json.loads(raw)
        info["valid"] = dt.date.fromisoformat(info["expires"]) >= dt.date.today()
        return info

    def editions(self) -> tuple:
        return EDITIONS


if __name__ == "__main__":
    fire.Fire(LicenseTool)
