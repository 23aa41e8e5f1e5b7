"""Marketing landing pages whose headline can be customised per campaign link."""
import os
from dataclasses import dataclass

from flask import Flask, request, render_template_string, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

PAGE_SHELL = """<!doctype html>
<html><head><title>{{ campaign.title }}</title></head>
<body>%s
<a class="cta" href="{{ url_for('signup', ref=campaign.code) }}">Start your free trial</a>
</body></html>"""


@dataclass
class Campaign:
    code: str
    title: str
    headline: str
    discount: int = 0


CAMPAIGNS = {
    "spring": Campaign("spring", "Spring sale", "Fresh deals for a fresh season", 20),
    "partner": Campaign("partner", "Partner offer", "A special welcome from our partners", 15),
}


def campaign_from_request():
    base = CAMPAIGNS.get(request.args.get("c", ""), Campaign("default", "Welcome", "Welcome aboard"))
    headline = request.args.get("headline")
    if headline:
        base = Campaign(base.code, base.title, headline[:120], base.discount)
    return base


def banner_markup(campaign):
    markup = "<section class='banner'><h1>{{ campaign.headline }}</h1>"
    if campaign.discount:
        markup += "<p>Save {{ campaign.discount }}% today, {{ name }}!</p>"
    return markup + "</section>"


@app.route("/promo")
def promo():
    campaign = campaign_from_request()
    template = PAGE_SHELL % banner_markup(campaign)
    return render_template_string(template, campaign=campaign, name=session.get("first_name", "friend"))


@app.route("/signup")
def signup():
    return render_template_string("<h1>Sign up</h1><p>Referral: {{ ref }}</p>", ref=request.args.get("ref", ""))
