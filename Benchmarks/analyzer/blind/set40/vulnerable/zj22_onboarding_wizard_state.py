"""Multi-step merchant onboarding wizard; progress is kept client-side in a cookie."""
import base64
import logging
from dataclasses import dataclass, field

import bottle
import jsonpickle

log = logging.getLogger("onboarding")
app = bottle.Bottle()

COOKIE = "onb_state"
STEPS = ["company", "owner", "bank", "review"]


@dataclass
class WizardState:
    step: int = 0
    company: dict = field(default_factory=dict)
    owner: dict = field(default_factory=dict)
    bank: dict = field(default_factory=dict)

    @property
    def current(self):
        return STEPS[self.step]


def load_state():
    raw = bottle.request.get_cookie(COOKIE)
    if not raw:
        return WizardState()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode()
        state = jsonpickle.decode(decoded)  # VULN flow
    except (ValueError, TypeError):
        log.info("discarding unreadable wizard cookie")
        return WizardState()
    return state if isinstance(state, WizardState) else WizardState()


def save_state(state):
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(state).encode()).decode()
    bottle.response.set_cookie(COOKIE, encoded, path="/onboarding", httponly=True,
                               secure=True, samesite="lax", max_age=3600)


@app.get("/onboarding")
def show_step():
    state = load_state()
    return bottle.template("onboarding/{}".format(state.current), state=state)


@app.post("/onboarding/<step>")
def submit_step(step):
    state = load_state()
    if step != state.current:
        return bottle.redirect("/onboarding")
    form = {k: bottle.request.forms.getunicode(k) for k in bottle.request.forms.keys()}
    setattr(state, step, form) if step != "review" else None
    if step == "review":
        bottle.response.delete_cookie(COOKIE, path="/onboarding")
        log.info("onboarding submitted for %r", state.company.get("name"))
        return bottle.redirect("/onboarding/done")
    state.step = min(state.step + 1, len(STEPS) - 1)
    save_state(state)
    return bottle.redirect("/onboarding")


@app.get("/onboarding/done")
def done():
    return bottle.template("onboarding/done")
