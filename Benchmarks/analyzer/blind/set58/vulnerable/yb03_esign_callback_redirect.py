"""Landing endpoint the e-signature provider sends signers back to."""
import logging
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import RedirectResponse

app = FastAPI(title="esign-return")
log = logging.getLogger("esign.return")

DEFAULT_LANDING = "/dashboard/contracts"
KNOWN_EVENTS = {"signing_complete", "decline", "cancel", "ttl_expired", "viewing_complete"}
_ENVELOPE_STATUS: Dict[str, str] = {}


def record_event(envelope_id: str, event: str) -> None:
    _ENVELOPE_STATUS[envelope_id] = event
    log.info("envelope %r -> %r", envelope_id, event)


def landing_for(event: str, return_to: Optional[str]) -> str:
    """Pick where the signer should end up after the vendor hands them back."""
    if event in ("decline", "cancel"):
        return DEFAULT_LANDING + "?status=declined"
    if event == "ttl_expired":
        return DEFAULT_LANDING + "?status=expired"
    if return_to:
        return return_to
    return DEFAULT_LANDING


@app.get("/esign/return")
async def signer_return(
    envelope_id: str = Query(..., min_length=8, max_length=64),
    event: str = Query("signing_complete"),
    return_to: Optional[str] = Query(None),
):
    if event not in KNOWN_EVENTS:
        raise HTTPException(status_code=400, detail="unknown event")
    record_event(envelope_id, event)
    target = landing_for(event, return_to)
    return RedirectResponse(url=target, status_code=303)  # VULN flow


@app.get("/esign/status/{envelope_id}")
async def envelope_status(envelope_id: str):
    status = _ENVELOPE_STATUS.get(envelope_id)
    if status is None:
        raise HTTPException(status_code=404, detail="unknown envelope")
    return {"envelope_id": envelope_id, "last_event": status}
