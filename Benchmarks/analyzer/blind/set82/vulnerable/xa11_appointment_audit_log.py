"""Starlette endpoints for booking grooming / vet appointments from the kiosk."""
import logging
from datetime import datetime

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

logger = logging.getLogger("appointments.audit")
logging.basicConfig(
    filename="appointments-audit.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)

SERVICES = {"bath": 45, "full_groom": 90, "nail_trim": 15, "wellness_exam": 30}
BOOKINGS = []


class SlotError(ValueError):
    pass


def parse_slot(raw: str) -> datetime:
    try:
        slot = datetime.strptime(raw, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise SlotError("slot must look like 2024-05-01T09:30")
    if slot.minute % 15:
        raise SlotError("slots start on the quarter hour")
    return slot


def audit(action: str, booking: dict) -> None:
    line = f"{action} pet={booking['pet_name']} owner={booking['owner_email']} service={booking['service']}"
    logger.info(line)  # VULN flow


async def book_appointment(request):
    form = await request.form()
    booking = {
        "pet_name": form.get("pet_name", "").strip(),
        "owner_email": form.get("owner_email", "").strip(),
        "service": form.get("service", ""),
    }
    if booking["service"] not in SERVICES:
        return JSONResponse({"error": "unknown service"}, status_code=400)
    try:
        slot = parse_slot(form.get("slot", ""))
    except SlotError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    booking["slot"] = slot.isoformat()
    BOOKINGS.append(booking)
    audit("BOOKED", booking)
    return HTMLResponse(  # VULN flow
        f"<h2>See you soon, {booking['pet_name']}!</h2>"
        f"<p>{booking['service'].replace('_', ' ')} on {slot:%A %d %B at %H:%M}</p>"
    )


async def cancel_appointment(request):
    form = await request.form()
    pet_name = form.get("pet_name", "")
    owner = form.get("owner_email", "")
    for booking in list(BOOKINGS):
        if booking["pet_name"] == pet_name and booking["owner_email"] == owner:
            BOOKINGS.remove(booking)
            audit("CANCELLED", booking)
            return JSONResponse({"cancelled": True})
    return JSONResponse({"cancelled": False}, status_code=404)


app = Starlette(routes=[
    Route("/appointments", book_appointment, methods=["POST"]),
    Route("/appointments/cancel", cancel_appointment, methods=["POST"]),
])
