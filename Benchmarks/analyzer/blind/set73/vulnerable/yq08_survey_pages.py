"""Public survey landing and thank-you pages."""
import logging
import time

from bottle import Bottle, abort, request

app = Bottle()
log = logging.getLogger("surveys.public")

SURVEYS = {
    "onboarding": {
        "title": "How was your onboarding?",
        "questions": ["How easy was setup?", "Would you recommend us?"],
    },
    "support": {
        "title": "Rate your support experience",
        "questions": ["Was your issue resolved?", "How friendly was the agent?"],
    },
}
RESPONSES = []

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/survey.css"></head>
<body><main>{body}</main></body></html>"""


def render_page(title, body):
    return PAGE.format(title=title, body=body)


def question_block(idx, text):
    radios = "".join(
        '<label><input type="radio" name="q%d" value="%d">%d</label>' % (idx, n, n)
        for n in range(0, 11)
    )
    return "<fieldset><legend>%s</legend>%s</fieldset>" % (text, radios)


@app.get("/s/<slug>")
def show_survey(slug):
    survey = SURVEYS.get(slug) or abort(404)
    ref = request.query.get("ref", "")
    body = '<form method="post">'
    body += "".join(question_block(i, q) for i, q in enumerate(survey["questions"]))
    body += '<input name="name" placeholder="Your name">'
    body += '<textarea name="comment"></textarea>'
    body += '<input type="hidden" name="ref" value="%s">' % ref
    body += "<button>Send</button></form>"
    return render_page(survey["title"], body)  # VULN flow


@app.post("/s/<slug>")
def submit_survey(slug):
    survey = SURVEYS.get(slug) or abort(404)
    name = request.forms.getunicode("name", "").strip() or "there"
    comment = request.forms.getunicode("comment", "")
    answers = {k: request.forms.get(k) for k in request.forms if k.startswith("q")}
    RESPONSES.append({"survey": slug, "name": name, "comment": comment,
                      "answers": answers, "ts": time.time()})
    greeting = "<h1>Thanks, %s!</h1>" % name
    if comment:
        greeting += "<p>You told us: <em>%s</em></p>" % comment
    return render_page("Thank you", greeting)  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
