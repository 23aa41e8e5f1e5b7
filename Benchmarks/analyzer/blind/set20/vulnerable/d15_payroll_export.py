"""Encrypt payslip records and monthly archives before they go to the bureau SFTP drop."""
import argparse
import base64
import csv
import json
import os
from pathlib import Path
from typing import Iterable

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

ARCHIVE_IV = bytes.fromhex("3a1f9c0e5b7d2468ace0f1d2c3b4a596")


def load_key() -> bytes:
    key = base64.b64decode(os.environ["PAYROLL_EXPORT_KEY"])
    if len(key) != 32:
        raise SystemExit("PAYROLL_EXPORT_KEY must be 32 bytes (base64)")
    return key


class PayslipCipher:
    def __init__(self, key: bytes):
        self.key = key

    @staticmethod
    def _pad(data: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        return padder.update(data) + padder.finalize()

    def encrypt_record(self, record: dict) -> str:
        plaintext = self._pad(json.dumps(record, sort_keys=True).encode())
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(encryptor.update(plaintext) + encryptor.finalize()).decode()

    def encrypt_archive(self, blob: bytes) -> bytes:
        encryptor = Cipher(algorithms.AES(self.key), modes.CBC(ARCHIVE_IV)).encryptor()  # VULN
        return encryptor.update(self._pad(blob)) + encryptor.finalize()


def read_payslips(path: Path) -> Iterable[dict]:
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            yield {
                "employee": row["employee_no"],
                "period": row["period"],
                "gross": row["gross"],
                "net": row["net"],
                "iban": row["iban"],
            }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("payslips", type=Path)
    ap.add_argument("--out-dir", type=Path, default=Path("outbox"))
    args = ap.parse_args()

    cipher = PayslipCipher(load_key())
    args.out_dir.mkdir(parents=True, exist_ok=True)
    lines = [cipher.encrypt_record(rec) for rec in read_payslips(args.payslips)]
    period = args.payslips.stem
    (args.out_dir / f"{period}.records").write_text("\n".join(lines) + "\n")
    archive = cipher.encrypt_archive(args.payslips.read_bytes())
    (args.out_dir / f"{period}.csv.enc").write_bytes(archive)
    print(f"wrote {len(lines)} records and archive for {period}")


if __name__ == "__main__":
    main()
