"""Generate eSIM activation codes and QR payloads for retail orders.

Each code is redeemed once by the handset against our SM-DP+ to download
the subscriber profile, so anyone holding the matching ID can take the profile.
"""
import logging
import secrets
import string
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

log = logging.getLogger("esim.codes")

SMDP_ADDRESS = "smdp.esim.example-telco.net"
CODE_ALPHABET = string.ascii_uppercase + string.digits
CODE_LENGTH = 24
CODE_TTL = timedelta(days=30)


@dataclass
class ActivationCode:
    order_id: str
    iccid: str
    matching_id: str
    confirmation_code: str
    expires_at: datetime

    @property
    def lpa_string(self) -> str:
        # GSMA SGP.22 activation code format: LPA:1$<SM-DP+ address>$<matching ID>
        return f"LPA:1${SMDP_ADDRESS}${self.matching_id}"


def _matching_id(length: int = CODE_LENGTH) -> str:
    chars = [secrets.choice(CODE_ALPHABET) for _ in range(length)]
    return "-".join("".join(chars[i:i + 4]) for i in range(0, length, 4))


def _confirmation_code() -> str:
    return "%06d" % secrets.randbelow(1000000)


def issue_code(order_id: str, iccid: str, with_confirmation: bool = True) -> ActivationCode:
    code = ActivationCode(
        order_id=order_id,
        iccid=iccid,
        matching_id=_matching_id(),
        confirmation_code=_confirmation_code() if with_confirmation else "",
        expires_at=datetime.now(timezone.utc) + CODE_TTL,
    )
    log.info("issued eSIM activation code for order %r (iccid %r)", order_id, iccid)
    return code


def issue_batch(orders):
    """orders: iterable of (order_id, iccid) pairs from the retail OMS."""
    issued = []
    for order_id, iccid in orders:
        issued.append(issue_code(order_id, iccid))
    return issued


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for c in issue_batch([("ORD-1001", "8944500102198304826"), ("ORD-1002", "8944500102198304834")]):
        print(c.order_id, c.lpa_string, c.confirmation_code)
