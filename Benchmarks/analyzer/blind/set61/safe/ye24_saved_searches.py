"""Saved searches for the dating app's discovery screen (Bottle)."""
import json
import logging
import time

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("saved_search")

MAX_SAVED = 10
STORE = {}  # user_id -> {name: SavedSearch}


class SavedSearch:
    def __init__(self, name, min_age=18, max_age=99, distance_km=50, interests=None):
        self.name = name
        self.min_age = min_age
        self.max_age = max_age
        self.distance_km = distance_km
        self.interests = list(interests or [])
        self.created = time.time()

    def to_dict(self):
        return {"name": self.name, "min_age": self.min_age, "max_age": self.max_age,
                "distance_km": self.distance_km, "interests": self.interests}


def user_id():
    uid = request.get_header("X-Authenticated-User")
    if not uid:
        raise HTTPError(401, "login required")
    return uid


def parse_saved_search(raw):
    obj = json.loads(raw)
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
        raise ValueError("not a saved search")
    return SavedSearch(
        name=obj["name"][:60],
        min_age=max(18, int(obj.get("min_age", 18))),
        max_age=min(99, int(obj.get("max_age", 99))),
        distance_km=max(1, min(500, int(obj.get("distance_km", 50)))),
        interests=[str(i)[:40] for i in obj.get("interests", [])][:20],
    )


@app.post("/api/discover/saved")
def save_search():
    uid = user_id()
    payload = request.body.read().decode("utf-8")
    try:
        search = parse_saved_search(payload)
    except (ValueError, TypeError) as exc:
        raise HTTPError(400, f"invalid saved search: {exc}")
    mine = STORE.setdefault(uid, {})
    if len(mine) >= MAX_SAVED and search.name not in mine:
        raise HTTPError(409, "too many saved searches")
    mine[search.name] = search
    response.status = 201
    return {"saved": search.name}


@app.get("/api/discover/saved")
def list_searches():
    uid = user_id()
    response.content_type = "application/json"
    return json.dumps([s.to_dict() for s in STORE.get(uid, {}).values()])


@app.delete("/api/discover/saved/<name>")
def delete_search(name):
    uid = user_id()
    if STORE.get(uid, {}).pop(name, None) is None:
        raise HTTPError(404, "no such saved search")
    return {"deleted": name}
