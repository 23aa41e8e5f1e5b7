import os

from flask import Flask, abort, jsonify, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["LAND_REGISTRY_SECRET"]
engine = create_engine(os.environ["LAND_REGISTRY_DSN"], pool_pre_ping=True)

PARCEL_FIELDS = "parcel_id, district, area_sqm, land_use, owner_name, registered_on"
PAGE_SIZE = 25


def _page():
    try:
        return max(int(request.args.get("page", "1")), 1)
    except ValueError:
        abort(400, "page must be an integer")


@app.get("/parcels")
def search_parcels():
    district = request.args.get("district", "")
    land_use = request.args.get("land_use")
    sql = f"SELECT {PARCEL_FIELDS} FROM parcels WHERE district = :district"
    params = {"district": district, "limit": PAGE_SIZE, "offset": (_page() - 1) * PAGE_SIZE}
    if land_use:
        sql += " AND land_use = :land_use"
        params["land_use"] = land_use
    sql += " ORDER BY parcel_id LIMIT :limit OFFSET :offset"
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).mappings().all()
    return jsonify([dict(r) for r in rows])


@app.get("/parcels/<parcel_id>")
def parcel_detail(parcel_id):
    with engine.connect() as conn:
        row = conn.execute(
            text(f"SELECT {PARCEL_FIELDS} FROM parcels WHERE parcel_id = :pid"), {"pid": parcel_id}
        ).mappings().first()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.get("/parcels/<parcel_id>/history")
def parcel_history(parcel_id):
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT event, recorded_on, reference FROM parcel_events WHERE parcel_id = :pid ORDER BY recorded_on"),
            {"pid": parcel_id},
        ).mappings().all()
    return jsonify({"parcel_id": parcel_id, "events": [dict(r) for r in rows]})


@app.get("/healthz")
def health():
    return {"ok": True}


if __name__ == "__main__":
    app.debug = False
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
