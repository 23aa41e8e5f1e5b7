from flask import Flask, request
app = Flask(__name__)
PAGES = {"about": "pages/about.html", "contact": "pages/contact.html"}

@app.route("/p")
def p():
    path = PAGES.get(request.args.get("page"), "pages/index.html")
    with open(path) as f:
        return f.read()
