"""Application factory and entry point for the pages CMS."""
import logging
import os
import sqlite3

from flask import Flask, abort, g, jsonify, render_template, request

DATABASE = os.environ.get("CMS_DB", "cms.sqlite3")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


def create_app() -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config["SECRET_KEY"] = os.environ["CMS_SECRET_KEY"]
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["MAX_CONTENT_LENGTH"] = 8 * 1024 * 1024
    logging.basicConfig(level=logging.INFO)

    @app.teardown_appcontext
    def _close_db(_exc):
        db = g.pop("db", None)
        if db is not None:
            db.close()

    @app.route("/")
    def index():
        pages = get_db().execute(
            "SELECT slug, title FROM pages WHERE published = 1 ORDER BY menu_order"
        ).fetchall()
        return render_template("index.html", pages=pages)

    @app.route("/p/<slug>")
    def page(slug):
        row = get_db().execute(
            "SELECT title, body_html, updated_at FROM pages WHERE slug = ? AND published = 1",
            (slug,),
        ).fetchone()
        if row is None:
            abort(404)
        return render_template("page.html", page=row)

    @app.route("/api/pages", methods=["POST"])
    def create_page():
        data = request.get_json(force=True)
        slug = data.get("slug", "").strip().lower()
        if not slug or not slug.replace("-", "").isalnum():
            return jsonify({"error": "bad slug"}), 400
        db = get_db()
        db.execute(
            "INSERT INTO pages (slug, title, body_html, published) VALUES (?, ?, ?, 0)",
            (slug, data.get("title", slug), data.get("body_html", "")),
        )
        db.commit()
        return jsonify({"slug": slug}), 201

    @app.errorhandler(404)
    def not_found(_err):
        return render_template("404.html"), 404

    return app


app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8000")), debug=os.environ.get("CMS_DEBUG") == "1")
