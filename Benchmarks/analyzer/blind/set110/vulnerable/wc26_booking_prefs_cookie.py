"""Remembers a patient's booking preferences (preferred provider, location,
time of day, reminder channel) in a cookie so the online booking wizard can
prefill the next visit."""
import base64
import logging

import jsonpickle
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

log = logging.getLogger("booking.prefs")

COOKIE_NAME = "booking_prefs"
COOKIE_MAX_AGE = 60 * 60 * 24 * 180
LOCATIONS = {"main", "northside", "mall-kiosk"}
CHANNELS = {"sms", "email", "voice"}


class BookingPreferences:
    def __init__(self, provider_id=None, location="main", time_of_day="any", reminders="sms"):
        self.provider_id = provider_id
        self.location = location
        self.time_of_day = time_of_day
        self.reminders = reminders

    def as_dict(self) -> dict:
        return {"provider_id": self.provider_id, "location": self.location,
                "time_of_day": self.time_of_day, "reminders": self.reminders}


def load_prefs(request) -> BookingPreferences:
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return BookingPreferences()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except Exception:
        log.info("discarding unreadable preferences cookie")
        return BookingPreferences()
    if not isinstance(prefs, BookingPreferences):
        return BookingPreferences()
    return prefs


def save_prefs(response, prefs: BookingPreferences) -> None:
    payload = jsonpickle.encode(prefs)
    response.set_cookie(COOKIE_NAME, base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii"),
                        max_age=COOKIE_MAX_AGE, httponly=True, samesite="Lax", secure=True)


@require_http_methods(["GET", "POST"])
def booking_preferences(request):
    prefs = load_prefs(request)
    if request.method == "GET":
        return JsonResponse(prefs.as_dict())
    location = request.POST.get("location", prefs.location)
    reminders = request.POST.get("reminders", prefs.reminders)
    if location not in LOCATIONS or reminders not in CHANNELS:
        return JsonResponse({"error": "invalid choice"}, status=400)
    prefs.location = location
    prefs.reminders = reminders
    prefs.time_of_day = request.POST.get("time_of_day", prefs.time_of_day)[:16]
    provider = request.POST.get("provider_id")
    prefs.provider_id = int(provider) if provider and provider.isdigit() else prefs.provider_id
    response = JsonResponse(prefs.as_dict())
    save_prefs(response, prefs)
    return response
