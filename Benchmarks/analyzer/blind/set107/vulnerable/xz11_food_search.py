"""Food database search for the nutrition tracker (Bottle service)."""
import json
import re
import sqlite3

from bottle import Bottle, abort, request, response

app = Bottle()
DB_PATH = "foods.db"


def load_foods(category=None):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        if category:
            cur = conn.execute("SELECT * FROM foods WHERE category = ?", (category,))
        else:
            cur = conn.execute("SELECT * FROM foods")
        return cur.fetchall()
    finally:
        conn.close()


def macro_summary(row):
    return {
        "id": row["id"],
        "name": row["name"],
        "brand": row["brand"],
        "kcal": row["kcal_100g"],
        "protein": row["protein_100g"],
        "carbs": row["carbs_100g"],
        "fat": row["fat_100g"],
    }


def brand_pattern(raw):
    """Brand filter supports shell-like wildcards, e.g. ``Quest*`` or ``*Organic``."""
    return "^" + raw.replace("*", ".*") + "$"


@app.get("/foods/search")
def search_foods():
    category = request.query.get("category") or None
    try:
        matcher = re.compile(request.query.get("q", ""), re.IGNORECASE)  # VULN
    except re.error:
        abort(400, "bad search pattern")
    brand = request.query.get("brand")
    brand_rx = brand_pattern(brand) if brand else None

    hits = []
    for row in load_foods(category):
        if not matcher.search(row["name"]):
            continue
        if brand_rx and not re.match(brand_rx, row["brand"] or "", re.IGNORECASE):  # VULN flow
            continue
        hits.append(macro_summary(row))

    response.content_type = "application/json"
    return json.dumps({"count": len(hits), "items": hits[:50]})


@app.get("/foods/<food_id:int>")
def get_food(food_id):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM foods WHERE id = ?", (food_id,)).fetchone()
    conn.close()
    if row is None:
        abort(404, "no such food")
    response.content_type = "application/json"
    return json.dumps(macro_summary(row))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
