from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.config.from_envvar("APP_SETTINGS")
LANDING_PAGES = ("dashboard", "settings", "billing")


@app.route("/login", methods=["POST"])
def login():
    session["user"] = request.form["username"]
    dest = request.form.get("dest", "dashboard")
    if dest not in LANDING_PAGES:
        dest = "dashboard"
    return redirect(url_for(dest))


@app.route("/dashboard")
def dashboard():
    return "dashboard"
