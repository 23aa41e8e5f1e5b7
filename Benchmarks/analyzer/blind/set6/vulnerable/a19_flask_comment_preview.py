from flask import Flask, request
from jinja2 import Environment, FileSystemLoader

app = Flask(__name__)

# comments are rendered with our own environment so the same templates can
# be reused by the notification mailer
env = Environment(loader=FileSystemLoader("templates/comments"), autoescape=False)  # VULN


def render_comment(author, text):
    tmpl = env.get_template("comment.html")
    return tmpl.render(author=author, text=text, edited=False)


@app.route("/comments/preview", methods=["POST"])
def preview():
    author = request.form.get("author", "anonymous")
    text = request.form.get("text", "")
    html = render_comment(author, text)
    return html, 200, {"Content-Type": "text/html; charset=utf-8"}  # VULN flow


@app.route("/comments/limits")
def limits():
    return {"max_length": 5000}
