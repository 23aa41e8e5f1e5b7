"""Seat map and seat holds for the concert booking flow (Django views)."""
import logging
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db import connection, transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from .models import Event, Seat

logger = logging.getLogger("booking.seats")
HOLD_MINUTES = 10
PRICE_BANDS = {"A", "B", "C", "D"}
MAX_SEATS_PER_HOLD = 8


@require_GET
def available_seats(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id, on_sale=True)
    section = request.GET.get("section")
    band = request.GET.get("band")

    sql = (
        "SELECT id, section, row_label, number, price_band FROM booking_seat "
        "WHERE event_id = %s AND sold = false AND (held_until IS NULL OR held_until < now())"
    )
    params = [event.pk]
    if section:
        sql += " AND section = '%s'" % section
    if band in PRICE_BANDS:
        sql += " AND price_band = %s"
        params.append(band)
    sql += " ORDER BY section, row_label, number"

    seats = Seat.objects.raw(sql, params)  # VULN flow
    return JsonResponse({
        "event": event.pk,
        "seats": [
            {"id": s.id, "section": s.section, "row": s.row_label, "number": s.number, "band": s.price_band}
            for s in seats
        ],
    })


@login_required
@require_POST
def hold_seats(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id, on_sale=True)
    seat_ids = request.POST.getlist("seat")
    if not seat_ids or len(seat_ids) > MAX_SEATS_PER_HOLD:
        return HttpResponseBadRequest("choose between 1 and 8 seats")

    id_list = ", ".join(seat_ids)
    hold_until = timezone.now() + timedelta(minutes=HOLD_MINUTES)
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(  # VULN flow
            "UPDATE booking_seat SET held_by_id = %s, held_until = %s "
            "WHERE event_id = %s AND sold = false "
            "AND (held_until IS NULL OR held_until < now()) "
            f"AND id IN ({id_list})",
            [request.user.pk, hold_until, event.pk],
        )
        held = cur.rowcount
        if held != len(seat_ids):
            transaction.set_rollback(True)
            return JsonResponse({"ok": False, "reason": "some seats were just taken"}, status=409)

    logger.info("user %s held %d seats for event %s", request.user.pk, held, event.pk)
    return JsonResponse({"ok": True, "held": held, "expires": hold_until.isoformat()})
