import json
import logging
import os

import azure.functions as func
import pyodbc

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)

ANIMAL_COLUMNS = "tag_id, species, breed, holding_number, last_inspection, status"


def get_connection():
    return pyodbc.connect(os.environ["LIVESTOCK_DB_CONNECTION"], timeout=10)


def _rows(cursor):
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _json(payload, status_code=200):
    return func.HttpResponse(json.dumps(payload, default=str), status_code=status_code, mimetype="application/json")


def _escape_like(value):
    for ch in ("\\", "%", "_", "["):
        value = value.replace(ch, "\\" + ch)
    return value


def query_animals(county, tag_prefix):
    sql = f"SELECT TOP 200 {ANIMAL_COLUMNS} FROM animals WHERE county = ?"
    params = [county]
    if tag_prefix:
        sql += " AND tag_id LIKE ? ESCAPE '\\'"
        params.append(_escape_like(tag_prefix) + "%")
    sql += " ORDER BY tag_id"
    with get_connection() as conn:
        cursor = conn.cursor()
        cursor.execute(sql, params)
        return _rows(cursor)


@app.route(route="livestock/animals", methods=["GET"])
def list_animals(req: func.HttpRequest) -> func.HttpResponse:
    county = req.params.get("county", "").strip()
    tag_prefix = req.params.get("tag", "").strip()
    logging.info("animal lookup county=%r tag=%r", county, tag_prefix)
    if not county:
        return _json({"error": "county required"}, 400)
    rows = query_animals(county, tag_prefix)
    return _json({"count": len(rows), "animals": rows})


@app.route(route="livestock/animals/{tag_id}/inspections", methods=["GET"])
def list_inspections(req: func.HttpRequest) -> func.HttpResponse:
    tag_id = req.route_params.get("tag_id", "")
    with get_connection() as conn:
        cursor = conn.cursor()
        cursor.execute(
            "SELECT inspected_on, inspector, outcome FROM inspections WHERE tag_id = ? ORDER BY inspected_on DESC",
            tag_id,
        )
        rows = _rows(cursor)
    if not rows:
        return _json({"error": "no inspections recorded"}, 404)
    return _json({"tag_id": tag_id, "inspections": rows})
