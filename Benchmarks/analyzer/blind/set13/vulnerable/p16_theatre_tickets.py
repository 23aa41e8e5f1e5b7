"""Quart app for the playhouse box office: seat holds and checkout confirmation."""
import logging
import os
import uuid

from jinja2 import Environment, FileSystemLoader
from quart import Quart, abort, redirect, request, session

log = logging.getLogger("boxoffice")
app = Quart(__name__)
app.secret_key = os.environ["BOXOFFICE_SECRET_KEY"]

templates = Environment(loader=FileSystemLoader("templates"), autoescape=False)  # VULN
HOLDS = {}


def render(name, **context):
    return templates.get_template(name).render(**context)


@app.route("/performances/<int:perf_id>/hold", methods=["POST"])
async def hold_seats(perf_id):
    form = await request.form
    seats = [s.strip().upper() for s in form.get("seats", "").split(",") if s.strip()]
    if not seats or len(seats) > 8:
        abort(400)
    hold_id = uuid.uuid4().hex
    HOLDS[hold_id] = {"perf": perf_id, "seats": seats, "name": form.get("name", "Guest")}
    session["hold_id"] = hold_id
    session["after_checkout"] = request.args.get("continue", "/")
    log.info("hold %s created for performance %s", hold_id, perf_id)
    return redirect(f"/checkout/{hold_id}")


@app.route("/checkout/<hold_id>")
async def checkout(hold_id):
    hold = HOLDS.get(hold_id)
    if hold is None or session.get("hold_id") != hold_id:
        abort(404)
    return render("checkout.html", hold=hold, patron=hold["name"])


@app.route("/checkout/<hold_id>/done", methods=["POST"])
async def checkout_done(hold_id):
    hold = HOLDS.pop(hold_id, None)
    if hold is None:
        abort(404)
    log.info("hold %s converted to booking", hold_id)
    target = session.pop("after_checkout", "/")
    return redirect(target)  # VULN flow


@app.route("/greeting")
async def greeting():
    patron = request.args.get("name", "friend")
    return render("greeting.html", patron=patron)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5010)
