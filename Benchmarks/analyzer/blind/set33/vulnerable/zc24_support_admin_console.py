"""Internal admin console used by support engineers to manage SaaS tenants."""
import functools
import hmac
import os
import traceback

from flask import Flask, abort, jsonify, request
from sqlalchemy import create_engine, text
from werkzeug.exceptions import HTTPException

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["ADMIN_SECRET_KEY"]
engine = create_engine(os.environ["ADMIN_DATABASE_URL"], pool_pre_ping=True)
STAFF_TOKEN = os.environ["ADMIN_STAFF_TOKEN"]


def require_staff(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        supplied = request.headers.get("X-Staff-Token", "")
        if not hmac.compare_digest(supplied.encode(), STAFF_TOKEN.encode()):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


@app.errorhandler(Exception)
def handle_error(exc):
    if isinstance(exc, HTTPException):
        return jsonify({"error": exc.name}), exc.code
    app.logger.exception("unhandled error on %r", request.path)
    return jsonify({"error": str(exc), "trace": traceback.format_exc()}), 500  # VULN


@app.get("/tenants/<int:tenant_id>")
@require_staff
def tenant_detail(tenant_id):
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, name, plan, seats, suspended FROM tenants WHERE id = :id"),
            {"id": tenant_id},
        ).mappings().first()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.post("/tenants/<int:tenant_id>/seats")
@require_staff
def update_seats(tenant_id):
    seats = int(request.get_json(force=True)["seats"])
    if not 1 <= seats <= 10000:
        abort(400)
    with engine.begin() as conn:
        conn.execute(text("UPDATE tenants SET seats = :seats WHERE id = :id"), {"seats": seats, "id": tenant_id})
    return jsonify({"id": tenant_id, "seats": seats})


@app.post("/tenants/<int:tenant_id>/suspend")
@require_staff
def suspend_tenant(tenant_id):
    with engine.begin() as conn:
        result = conn.execute(text("UPDATE tenants SET suspended = TRUE WHERE id = :id"), {"id": tenant_id})
    if result.rowcount == 0:
        abort(404)
    return jsonify({"id": tenant_id, "suspended": True})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
