from flask import Flask, request

app = Flask(__name__)

DOCS = {
    "Getting started": "getting-started",
    "Billing and invoices": "billing",
    "Single sign-on": "sso",
    "API tokens": "api-tokens",
}


@app.route("/help/search")
def help_search():
    term = request.args.get("q", "")
    hits = [title for title in DOCS if term.lower() in title.lower()]
    items = "".join(f"<li><a href='/help/{DOCS[t]}'>{t}</a></li>" for t in hits)
    if not hits:
        items = "<li>No articles found.</li>"
    return f"<h2>Results for {term}</h2><ul>{items}</ul>"  # VULN flow
