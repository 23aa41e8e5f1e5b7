"""Restaurant waitlist with SMS verification and "table ready" texts."""
import base64
import json
import logging
import os
import secrets
import ssl
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Dict, List

log = logging.getLogger("waitlist")
OTP_TTL = 300


def make_otp() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


class SmsGateway:
    def __init__(self, base_url: str, account_sid: str, auth_token: str, sender: str):
        self.base_url = base_url.rstrip("/")
        self.sender = sender
        creds = f"{account_sid}:{auth_token}".encode()
        self._auth = "Basic " + base64.b64encode(creds).decode()
        self._account = account_sid
        self._ctx = ssl.create_default_context()

    def send(self, to: str, body: str) -> str:
        data = urllib.parse.urlencode({"From": self.sender, "To": to, "Body": body}).encode()
        req = urllib.request.Request(f"{self.base_url}/Accounts/{self._account}/Messages.json",
                                     data=data, headers={"Authorization": self._auth})
        with urllib.request.urlopen(req, context=self._ctx, timeout=10) as resp:
            return json.load(resp).get("sid", "")


@dataclass
class Party:
    name: str
    phone: str
    size: int
    joined: float = field(default_factory=time.time)
    verified: bool = False
    otp: str = ""
    otp_sent: float = 0.0


class Waitlist:
    def __init__(self, gateway: SmsGateway, venue: str):
        self.gateway = gateway
        self.venue = venue
        self.parties: Dict[str, Party] = {}

    def join(self, name: str, phone: str, size: int) -> None:
        party = Party(name=name, phone=phone, size=size)
        party.otp, party.otp_sent = make_otp(), time.time()
        self.parties[phone] = party
        self.gateway.send(phone, f"{self.venue}: your waitlist code is {party.otp}")

    def verify(self, phone: str, code: str) -> bool:
        party = self.parties.get(phone)
        if party is None or time.time() - party.otp_sent > OTP_TTL:
            return False
        party.verified = secrets.compare_digest(party.otp, code)
        return party.verified

    def queue(self) -> List[Party]:
        return sorted((p for p in self.parties.values() if p.verified), key=lambda p: p.joined)

    def table_ready(self, phone: str, table: str) -> None:
        party = self.parties.pop(phone)
        self.gateway.send(phone, f"{self.venue}: table {table} is ready for {party.name}! Please see the host.")
        log.info("notified party of %d for table %s", party.size, table)


def from_env() -> Waitlist:
    gw = SmsGateway(os.environ["SMS_API_BASE"], os.environ["SMS_ACCOUNT_SID"],
                    os.environ["SMS_AUTH_TOKEN"], os.environ["SMS_SENDER"])
    return Waitlist(gw, os.environ.get("VENUE_NAME", "Harbour Grill"))
