"""Live tournament dashboard for the regional esports league."""
import os
from datetime import datetime, timezone

import requests
from flask import Flask, jsonify, render_template

STANDINGS_API = os.environ.get("STANDINGS_API", "https://api.league-ops.example.org/v1")


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        STANDINGS_API=STANDINGS_API,
        API_TOKEN=os.environ.get("LEAGUE_API_TOKEN", ""),
        CACHE_SECONDS=20,
    )
    cache = {"fetched_at": None, "payload": None}

    def standings():
        now = datetime.now(timezone.utc)
        fetched = cache["fetched_at"]
        if fetched and (now - fetched).total_seconds() < app.config["CACHE_SECONDS"]:
            return cache["payload"]
        resp = requests.get(
            f"{app.config['STANDINGS_API']}/tournaments/current/standings",
            headers={"Authorization": f"Bearer {app.config['API_TOKEN']}"},
            timeout=10,
        )
        resp.raise_for_status()
        cache.update(fetched_at=now, payload=resp.json())
        return cache["payload"]

    @app.get("/")
    def dashboard():
        data = standings()
        return render_template(
            "dashboard.html",
            groups=data.get("groups", []),
            next_matches=data.get("upcoming", [])[:8],
            updated=cache["fetched_at"],
        )

    @app.get("/api/standings")
    def api_standings():
        return jsonify(standings())

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok", "cached": cache["fetched_at"] is not None})

    return app


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8080"))
    dashboard_app = create_app()
    dashboard_app.debug = False
    dashboard_app.run(host="127.0.0.1", port=port)
