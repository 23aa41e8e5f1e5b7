"""Dashboard definitions for the self-service analytics portal."""
import logging
import statistics

from flask import Blueprint, abort, g, jsonify, request
from flask.views import MethodView
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from analytics.auth import login_required
from analytics.datasets import fetch_rows
from analytics.store import DashboardStore

bp = Blueprint("dashboards", __name__, url_prefix="/dashboards")
log = logging.getLogger("analytics.dashboards")
store = DashboardStore()

HELPERS = {"mean": statistics.fmean, "median": statistics.median, "round": round, "sorted": sorted, "len": len}


def compile_transform(source):
    namespace = {}
    code = "def transform(rows):\n    return " + source + "\n"
    exec(code, {"__builtins__": {}, **HELPERS}, namespace)  # VULN flow
    return namespace["transform"]


class Widget:
    def __init__(self, spec):
        self.title = str(spec["title"])
        self.dataset = str(spec["dataset"])
        self.transform = compile_transform(spec.get("transform", "rows"))

    def render(self, tenant_id):
        rows = fetch_rows(tenant_id, self.dataset, limit=5000)
        return {"title": self.title, "data": self.transform(rows)}


class DashboardView(MethodView):
    decorators = [login_required]

    def get(self, dashboard_id):
        spec = store.get(g.tenant_id, dashboard_id)
        if spec is None:
            abort(404)
        widgets = [Widget(w).render(g.tenant_id) for w in spec.get("widgets", [])]
        return jsonify(id=dashboard_id, name=spec.get("name"), widgets=widgets)

    def put(self, dashboard_id):
        try:
            spec = YAML(typ="unsafe", pure=True).load(request.get_data(as_text=True))  # VULN
        except YAMLError:
            abort(400, "dashboard definition is not valid YAML")
        if not isinstance(spec, dict) or not isinstance(spec.get("widgets"), list):
            abort(422, "dashboard needs a list of widgets")
        try:
            for w in spec["widgets"]:
                Widget(w)
        except (KeyError, SyntaxError):
            abort(422, "invalid widget definition")
        store.save(g.tenant_id, dashboard_id, spec)
        log.info("dashboard %s saved with %d widgets", dashboard_id, len(spec["widgets"]))
        return jsonify(id=dashboard_id, widgets=len(spec["widgets"])), 200


bp.add_url_rule("/<int:dashboard_id>", view_func=DashboardView.as_view("dashboard"))
