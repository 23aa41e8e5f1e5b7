"""Issue RFQ (request for quotation) invitations to suppliers.

Each invited supplier receives a magic link that lets them submit a sealed
bid without a portal account, plus a 6-digit PIN sent by SMS that is needed
to open the bid form."""
import logging
import secrets
import string
from datetime import datetime, timedelta, timezone
from typing import Iterable

from celery import shared_task

from procurement.db import session_scope
from procurement.models import Rfq, RfqInvitation, Supplier
from procurement.notify import send_email, send_sms

log = logging.getLogger("rfq.invitations")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 32
INVITE_TTL = timedelta(days=14)
PORTAL_BASE = "https://suppliers.example.com"


def new_invite_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def new_bid_pin() -> str:
    return "%06d" % secrets.randbelow(1_000_000)


def build_invitation(rfq: Rfq, supplier: Supplier) -> RfqInvitation:
    return RfqInvitation(
        rfq_id=rfq.id,
        supplier_id=supplier.id,
        token=new_invite_token(),
        pin=new_bid_pin(),
        expires_at=datetime.now(timezone.utc) + INVITE_TTL,
    )


def _notify(rfq: Rfq, supplier: Supplier, invite: RfqInvitation):
    link = "%s/rfq/%s/bid?t=%s" % (PORTAL_BASE, rfq.reference, invite.token)
    send_email(
        to=supplier.bid_contact_email,
        subject="Invitation to quote: %s" % rfq.title,
        template="rfq_invitation",
        context={"rfq": rfq, "supplier": supplier, "link": link, "closes_at": rfq.closes_at},
    )
    if supplier.bid_contact_phone:
        send_sms(supplier.bid_contact_phone, "Your bid PIN for %s is %s" % (rfq.reference, invite.pin))


@shared_task(name="rfq.send_invitations")
def send_invitations(rfq_id: int, supplier_ids: Iterable[int]):
    with session_scope() as db:
        rfq = db.get(Rfq, rfq_id)
        if rfq is None or rfq.status != "open":
            log.warning("rfq %s not open, skipping invitations", rfq_id)
            return 0
        sent = 0
        for sid in supplier_ids:
            supplier = db.get(Supplier, sid)
            if supplier is None or not supplier.active:
                continue
            invite = build_invitation(rfq, supplier)
            db.add(invite)
            db.flush()
            _notify(rfq, supplier, invite)
            sent += 1
        log.info("rfq %s: sent %d invitations", rfq.reference, sent)
        return sent
