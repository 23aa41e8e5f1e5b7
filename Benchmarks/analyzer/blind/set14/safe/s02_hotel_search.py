"""Availability search for the public hotel booking site."""
import logging
from datetime import date

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views import View

from booking.models import Room

logger = logging.getLogger("booking.search")

SORT_FIELDS = ("nightly_rate", "avg_rating", "max_guests")


class AvailabilityFilter:
    """Collects the search parameters sent by the booking widget."""

    def __init__(self, params):
        self.city = params.get("city", "").strip()
        self.guests = int(params.get("guests", "1"))
        self.amenity = params.get("amenity")
        sort = params.get("sort", "nightly_rate")
        self.sort = sort if sort in SORT_FIELDS else "nightly_rate"

    @staticmethod
    def dates(params):
        return date.fromisoformat(params["check_in"]), date.fromisoformat(params["check_out"])

    def build_sql(self, check_in, check_out):
        sql = (
            "SELECT r.* FROM booking_room r JOIN booking_hotel h ON h.id = r.hotel_id "
            "WHERE h.city = %s AND r.max_guests >= %s "
        )
        params = [self.city, self.guests]
        if self.amenity:
            sql += "AND r.amenities LIKE %s "
            params.append(f"%{self.amenity}%")
        sql += (
            "AND r.id NOT IN (SELECT room_id FROM booking_reservation "
            "WHERE check_in < %s AND check_out > %s) "
        )
        params += [check_out, check_in]
        sql += f"ORDER BY {self.sort}"
        return sql, params


class RoomSearchView(View):
    http_method_names = ["get"]

    def get(self, request):
        try:
            flt = AvailabilityFilter(request.GET)
            check_in, check_out = flt.dates(request.GET)
        except (KeyError, ValueError):
            return HttpResponseBadRequest("check_in, check_out (YYYY-MM-DD) and a numeric guests value are required")
        if check_out <= check_in:
            return HttpResponseBadRequest("check_out must be after check_in")

        sql, params = flt.build_sql(check_in, check_out)
        rooms = Room.objects.raw(sql, params)
        results = [
            {"id": r.id, "hotel": r.hotel_id, "rate": str(r.nightly_rate), "guests": r.max_guests}
            for r in rooms
        ]
        logger.debug("availability search returned %d rooms", len(results))
        return JsonResponse({"count": len(results), "rooms": results})


class HotelAutocompleteView(View):
    http_method_names = ["get"]

    def get(self, request):
        with connection.cursor() as cur:
            cur.execute("SELECT id, name, city FROM booking_hotel WHERE name ILIKE %s ORDER BY name LIMIT 10", [request.GET.get("q", "") + "%"])
            rows = cur.fetchall()
        return JsonResponse({"hotels": [{"id": i, "name": n, "city": c} for i, n, c in rows]})
