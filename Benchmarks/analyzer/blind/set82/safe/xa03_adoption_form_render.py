"""Adoption application intake for Harbor Paws Shelter."""
import logging
from datetime import date

from flask import Flask, redirect, request, url_for
from markupsafe import escape

app = Flask(__name__)
log = logging.getLogger("adoptions")

APPLICATIONS = []

CONFIRMATION_PAGE = """<!doctype html>
<html><head><title>Application received</title></head>
<body>
<h1>Thank you, {applicant}!</h1>
<p>We received your application to adopt <strong>{animal}</strong> on {when}.</p>
<p>{note}</p>
<a href="/animals">Back to available animals</a>
</body></html>"""

FORM_ERRORS = {
    "missing": "Please fill in your name, e-mail and the animal you are applying for.",
    "closed": "Applications for this animal are closed.",
}


class Application:
    def __init__(self, form):
        self.applicant = form.get("full_name", "").strip()
        self.animal = form.get("animal_name", "").strip()
        self.email = form.get("email", "").strip()
        self.housing = form.get("housing", "unspecified")
        self.comments = form.get("comments", "")
        self.submitted = date.today()

    def is_complete(self) -> bool:
        return bool(self.applicant and self.animal and "@" in self.email)


def render_confirmation(application: Application) -> str:
    note = ""
    if application.comments:
        note = "Your notes: " + escape(application.comments)
    return CONFIRMATION_PAGE.format(
        applicant=escape(application.applicant),
        animal=escape(application.animal),
        when=application.submitted.isoformat(),
        note=note,
    )


@app.route("/adopt", methods=["GET"])
def adoption_form():
    message = FORM_ERRORS.get(request.args.get("error", ""), "")
    return (
        "<h1>Adoption application</h1>"
        f"<p class='error'>{message}</p>"
        "<form method='post'>"
        "<input name='full_name'><input name='email'><input name='animal_name'>"
        "<textarea name='comments'></textarea><button>Apply</button></form>"
    )


@app.route("/adopt", methods=["POST"])
def submit_application():
    application = Application(request.form)
    if not application.is_complete():
        return redirect(url_for("adoption_form", error="missing"))
    APPLICATIONS.append(application)
    log.info("application stored, total=%d", len(APPLICATIONS))
    html = render_confirmation(application)
    return html, 200, {"Content-Type": "text/html; charset=utf-8"}


if __name__ == "__main__":
    app.run()
