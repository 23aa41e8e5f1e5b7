"""Admin console for managing map layers, POI categories and style sheets."""
import json
import logging
import os
from pathlib import Path

from flask import Flask, abort, jsonify, render_template, request

LAYER_DIR = Path(os.environ.get("LAYER_DIR", "/srv/mapadmin/layers"))

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["MAPADMIN_SECRET_KEY"]
app.config["JSON_SORT_KEYS"] = False

log = logging.getLogger("mapadmin")


def list_layers():
    layers = []
    for path in sorted(LAYER_DIR.glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            meta = json.load(fh)
        layers.append({
            "id": path.stem,
            "title": meta.get("title", path.stem),
            "visible": meta.get("visible", True),
            "min_zoom": meta.get("min_zoom", 0),
        })
    return layers


@app.route("/")
def index():
    return render_template("admin/index.html", layers=list_layers())


@app.route("/api/layers")
def api_layers():
    return jsonify(list_layers())


@app.route("/api/layers/<layer_id>/visibility", methods=["POST"])
def toggle_layer(layer_id):
    if layer_id not in {l["id"] for l in list_layers()}:
        abort(404)
    path = LAYER_DIR / f"{layer_id}.json"
    with path.open(encoding="utf-8") as fh:
        meta = json.load(fh)
    meta["visible"] = bool((request.get_json(silent=True) or {}).get("visible", True))
    with path.open("w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2)
    log.info("layer %r visibility -> %s", layer_id, meta["visible"])
    return jsonify(id=layer_id, visible=meta["visible"])


@app.errorhandler(404)
def not_found(_):
    return jsonify(error="not found"), 404


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    port = int(os.environ.get("PORT", "5050"))
    app.run(host="127.0.0.1", port=port, debug=False)
