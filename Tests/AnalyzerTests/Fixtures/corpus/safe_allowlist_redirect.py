from flask import Flask, redirect, request

app = Flask(__name__)
PAGES = {"/home", "/settings"}


@app.route("/go")
def go():
    target = request.args.get("next", "/home")
    if target not in PAGES:
        target = "/home"
        return redirect(target)
    return redirect(target)
