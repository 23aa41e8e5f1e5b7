"""Trainer workout-plan library: clients download the PDFs their coach shared."""
import logging
import os

from flask import Flask, abort, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

PLANS_DIR = os.environ.get("PLANS_DIR", "/srv/gymhub/plans")
log = logging.getLogger("plans")


def trainer_dir(trainer_id: int) -> str:
    return os.path.join(PLANS_DIR, f"trainer_{trainer_id}")


def resolve_plan(trainer_id: int, filename: str) -> str:
    base = os.path.realpath(trainer_dir(trainer_id))
    candidate = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, candidate]) != base:
        raise ValueError("plan outside trainer folder")
    return candidate


def member_can_view(member_id, trainer_id) -> bool:
    # clients are linked to coaches through the subscriptions table; the
    # session carries the ids the member is allowed to see
    return trainer_id in session.get("coaches", [])


@app.route("/trainers/<int:trainer_id>/plans")
def list_plans(trainer_id):
    if "member_id" not in session:
        abort(401)
    base = trainer_dir(trainer_id)
    if not os.path.isdir(base):
        abort(404)
    files = sorted(f for f in os.listdir(base) if f.endswith(".pdf"))
    return jsonify(trainer=trainer_id, plans=files)


@app.route("/trainers/<int:trainer_id>/plans/download")
def download_plan(trainer_id):
    member_id = session.get("member_id")
    if member_id is None:
        abort(401)
    if not member_can_view(member_id, trainer_id):
        abort(403)
    filename = request.args.get("file", "")
    try:
        path = resolve_plan(trainer_id, filename)
    except ValueError:
        abort(404)
    if not os.path.isfile(path):
        abort(404)
    log.info("member %s downloading %r", member_id, filename)
    return send_file(path, as_attachment=True)


if __name__ == "__main__":
    app.run()
