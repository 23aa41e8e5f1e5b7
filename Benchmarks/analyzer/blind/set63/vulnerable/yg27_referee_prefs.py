"""Referee portal: availability preferences remembered in a cookie between visits."""
import base64
import json
import logging

import jsonpickle
from django.http import HttpRequest, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

log = logging.getLogger("referees.prefs")

COOKIE_NAME = "ref_prefs"
COOKIE_AGE = 60 * 60 * 24 * 90
REGIONS = {"north", "south", "east", "west", "metro"}
LEVELS = {"junior", "amateur", "semi-pro", "pro"}


class RefereePrefs:
    def __init__(self, regions=None, max_matches=3, levels=None, weekday_evenings=False):
        self.regions = list(regions or [])
        self.max_matches = max_matches
        self.levels = list(levels or ["amateur"])
        self.weekday_evenings = weekday_evenings

    def to_dict(self) -> dict:
        return dict(vars(self))


def load_prefs(request: HttpRequest) -> RefereePrefs:
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return RefereePrefs()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except Exception:
        log.info("discarding unreadable prefs cookie")
        return RefereePrefs()
    return prefs if isinstance(prefs, RefereePrefs) else RefereePrefs()


def save_prefs(response, prefs: RefereePrefs) -> None:
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode("utf-8")).decode("ascii")
    response.set_cookie(COOKIE_NAME, encoded, max_age=COOKIE_AGE, httponly=True, secure=True, samesite="Lax")


@require_GET
def get_preferences(request: HttpRequest):
    return JsonResponse(load_prefs(request).to_dict())


@require_POST
def update_preferences(request: HttpRequest):
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return HttpResponseBadRequest("invalid JSON")
    prefs = load_prefs(request)
    if "regions" in body:
        prefs.regions = [r for r in body["regions"] if r in REGIONS]
    if "levels" in body:
        prefs.levels = [lv for lv in body["levels"] if lv in LEVELS]
    if "max_matches" in body:
        prefs.max_matches = max(1, min(int(body["max_matches"]), 6))
    prefs.weekday_evenings = bool(body.get("weekday_evenings", prefs.weekday_evenings))
    response = JsonResponse(prefs.to_dict())
    save_prefs(response, prefs)
    return response
