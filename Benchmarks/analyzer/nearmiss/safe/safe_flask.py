from flask import Flask, request, render_template, redirect, url_for
from markupsafe import escape
app = Flask(__name__)

@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return f"Hello {escape(name)}"

@app.route("/go")
def go():
    return redirect(url_for("hello"))

@app.route("/page")
def page():
    return render_template("page.html", name=request.args.get("name"))
