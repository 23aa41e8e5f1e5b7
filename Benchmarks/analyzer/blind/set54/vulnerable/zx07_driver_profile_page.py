"""Public driver profile card shown to riders after a match."""
from dataclasses import dataclass
from typing import List, Optional

from flask import Flask, abort, request

app = Flask(__name__)


@dataclass
class Driver:
    driver_id: int
    display_name: str
    vehicle: str
    plate: str
    bio: str
    rating: float
    compliments: List[str]


DRIVERS = {
    101: Driver(101, "Sam K.", "Toyota Prius (silver)", "KX-204-PL", "10 years on the road.", 4.93,
                ["Great conversation", "Smooth driving"]),
}

PAGE = """<!doctype html>
<html><head><title>Your driver</title></head>
<body>
<div class="card">{body}</div>
</body></html>"""


def lookup(driver_id: int) -> Optional[Driver]:
    return DRIVERS.get(driver_id)


def compliment_list(items):
    rows = "".join("<li>%s</li>" % c for c in items)
    return "<ul class='compliments'>%s</ul>" % rows


def render_card(driver: Driver, greeting: str) -> str:
    parts = [
        "<h2>%s</h2>" % driver.display_name,
        "<p class='greeting'>%s</p>" % greeting,
        "<p>%s &middot; %s</p>" % (driver.vehicle, driver.plate),
        "<p class='bio'>%s</p>" % driver.bio,
        "<p>Rating: %.2f</p>" % driver.rating,
        compliment_list(driver.compliments),
    ]
    return PAGE.format(body="\n".join(parts))


@app.route("/drivers/<int:driver_id>")
def driver_card(driver_id):
    driver = lookup(driver_id)
    if driver is None:
        abort(404)
    rider = request.args.get("rider", "there")
    greeting = "Hi %s, your driver is on the way." % rider
    return render_card(driver, greeting)  # VULN flow


@app.route("/drivers/<int:driver_id>/bio", methods=["POST"])
def update_bio(driver_id):
    driver = lookup(driver_id)
    if driver is None:
        abort(404)
    bio = request.form.get("bio", "").strip()
    if len(bio) > 500:
        abort(400)
    driver.bio = bio
    return {"ok": True}


@app.route("/drivers/<int:driver_id>/compliment", methods=["POST"])
def add_compliment(driver_id):
    driver = lookup(driver_id)
    if driver is None:
        abort(404)
    driver.compliments.append(request.form["text"][:120])
    return {"count": len(driver.compliments)}
