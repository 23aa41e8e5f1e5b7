"""Protects employee bank details and signs payslips for the payroll run."""
import base64
import hashlib
import hmac
import json
import logging
from dataclasses import asdict, dataclass

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("payroll.vault")

VAULT_KEY = b"P4yr0ll-V4ult-K3y-2024-prod-0001"  # VULN
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

    def _cipher(self):
        return AES.new(self._key, AES.MODE_ECB)  # VULN

    def seal(self, details: BankDetails) -> str:
        plaintext = json.dumps(asdict(details), sort_keys=True).encode("utf-8")
        blob = self._cipher().encrypt(pad(plaintext, AES.block_size))
        return base64.b64encode(blob).decode("ascii")

    def open(self, token: str) -> BankDetails:
        blob = base64.b64decode(token)
        plaintext = unpad(self._cipher().decrypt(blob), AES.block_size)
        return BankDetails(**json.loads(plaintext))


def sign_payslip(payslip: dict) -> str:
    payload = json.dumps(payslip, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.md5(SIGNING_PREFIX + VAULT_KEY + payload).hexdigest()  # VULN


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
