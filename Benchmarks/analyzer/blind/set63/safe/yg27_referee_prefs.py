"""Referee portal: availability preferences remembered in a cookie between visits."""
import json
import logging

from django.core import signing
from django.http import HttpRequest, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

log = logging.getLogger("referees.prefs")

COOKIE_NAME = "ref_prefs"
COOKIE_AGE = 60 * 60 * 24 * 90
COOKIE_SALT = "referees.prefs"
REGIONS = {"north", "south", "east", "west", "metro"}
LEVELS = {"junior", "amateur", "semi-pro", "pro"}


class RefereePrefs:
    def __init__(self, regions=None, max_matches=3, levels=None, weekday_evenings=False):
        self.regions = [r for r in (regions or []) if r in REGIONS]
        self.max_matches = max(1, min(int(max_matches), 6))
        self.levels = [lv for lv in (levels or ["amateur"]) if lv in LEVELS]
        self.weekday_evenings = bool(weekday_evenings)

    def to_dict(self) -> dict:
        return dict(vars(self))


def load_prefs(request: HttpRequest) -> RefereePrefs:
    raw = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_AGE)
    if not raw:
        return RefereePrefs()
    try:
        data = json.loads(raw)
        prefs = RefereePrefs(**{k: data[k] for k in ("regions", "max_matches", "levels", "weekday_evenings") if k in data})
    except (ValueError, TypeError, signing.BadSignature):
        log.info("discarding unreadable prefs cookie")
        return RefereePrefs()
    return prefs


def save_prefs(response, prefs: RefereePrefs) -> None:
    encoded = json.dumps(prefs.to_dict())
    response.set_signed_cookie(COOKIE_NAME, encoded, salt=COOKIE_SALT, max_age=COOKIE_AGE,
                               httponly=True, secure=True, samesite="Lax")


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
