"""Protects employee bank details and signs payslips for the payroll run."""
import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes

log = logging.getLogger("payroll.vault")

VAULT_KEY = base64.b64decode(os.environ["PAYROLL_VAULT_KEY"])
SIGNING_KEY = base64.b64decode(os.environ["PAYROLL_SIGNING_KEY"])
SIGNING_PREFIX = b"payslip:v1:"


@dataclass
class BankDetails:
    employee_id: int
    iban: str
    bic: str
    account_holder: str


class BankDetailsVault:
    def __init__(self, key=VAULT_KEY):
        self._key = key

    def _cipher(self, nonce):
        return AES.new(self._key, AES.MODE_GCM, nonce=nonce)

    def seal(self, details: BankDetails) -> str:
        plaintext = json.dumps(asdict(details), sort_keys=True).encode("utf-8")
        nonce = get_random_bytes(12)
        blob, tag = self._cipher(nonce).encrypt_and_digest(plaintext)
        return base64.b64encode(nonce + tag + blob).decode("ascii")

    def open(self, token: str) -> BankDetails:
        raw = base64.b64decode(token)
        nonce, tag, blob = raw[:12], raw[12:28], raw[28:]
        plaintext = self._cipher(nonce).decrypt_and_verify(blob, tag)
        return BankDetails(**json.loads(plaintext))


def sign_payslip(payslip: dict) -> str:
    payload = json.dumps(payslip, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(SIGNING_KEY, SIGNING_PREFIX + payload, hashlib.sha256).hexdigest()


def verify_payslip(payslip: dict, signature: str) -> bool:
    return hmac.compare_digest(sign_payslip(payslip), signature)


def prepare_run(employees, vault=None):
    vault = vault or BankDetailsVault()
    sealed, slips = [], []
    for emp in employees:
        details = BankDetails(emp["id"], emp["iban"], emp["bic"], emp["name"])
        sealed.append({"employee_id": emp["id"], "bank": vault.seal(details)})
        slip = {"employee_id": emp["id"], "period": emp["period"], "gross": emp["gross"], "net": emp["net"]}
        slip["signature"] = sign_payslip(slip)
        slips.append(slip)
    log.info("prepared payroll run for %d employees", len(slips))
    return sealed, slips
