import os

from quart import Quart, redirect, render_template, request, session

from .auth import authenticate

app = Quart(__name__)
app.secret_key = os.environ["SECRET_KEY"]


@app.route("/login", methods=["GET", "POST"])
async def login():
    if request.method == "GET":
        return await render_template("login.html", next=request.args.get("next", "/"))

    form = await request.form
    user = await authenticate(form.get("username", ""), form.get("password", ""))
    if user is None:
        return await render_template("login.html", error="Invalid credentials", next=form.get("next")), 401

    session["uid"] = user.id
    target = form.get("next") or "/"
    return redirect(target)  # VULN flow


@app.route("/logout")
async def logout():
    session.clear()
    return redirect("/login")
