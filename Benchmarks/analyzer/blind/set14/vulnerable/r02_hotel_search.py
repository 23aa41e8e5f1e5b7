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
        self.guests = params.get("guests", "1")
        self.amenity = params.get("amenity")
        self.sort = params.get("sort", "nightly_rate")

    @staticmethod
    def dates(params):
        return date.fromisoformat(params["check_in"]), date.fromisoformat(params["check_out"])

    def build_sql(self, check_in, check_out):
        sql = (
            "SELECT r.* FROM booking_room r JOIN booking_hotel h ON h.id = r.hotel_id "
            f"WHERE h.city = '{self.city}' AND r.max_guests >= {self.guests} "
        )
        if self.amenity:
            sql += f"AND r.amenities LIKE '%{self.amenity}%' "
        sql += (
            "AND r.id NOT IN (SELECT room_id FROM booking_reservation "
            f"WHERE check_in < '{check_out}' AND check_out > '{check_in}') "
        )
        sql += f"ORDER BY {self.sort}"
        return sql


class RoomSearchView(View):
    http_method_names = ["get"]

    def get(self, request):
        flt = AvailabilityFilter(request.GET)
        try:
            check_in, check_out = flt.dates(request.GET)
        except (KeyError, ValueError):
            return HttpResponseBadRequest("check_in and check_out are required (YYYY-MM-DD)")
        if check_out <= check_in:
            return HttpResponseBadRequest("check_out must be after check_in")

        sql = flt.build_sql(check_in, check_out)
        rooms = Room.objects.raw(sql)  # VULN flow
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
            cur.execute("SELECT id, name, city FROM booking_hotel WHERE name ILIKE '%s%%' ORDER BY name LIMIT 10" % request.GET.get("q", ""))  # VULN
            rows = cur.fetchall()
        return JsonResponse({"hotels": [{"id": i, "name": n, "city": c} for i, n, c in rows]})
