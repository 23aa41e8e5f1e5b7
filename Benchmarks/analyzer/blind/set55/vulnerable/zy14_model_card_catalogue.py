"""Model card lookups backed by the XML catalogue exported from the governance tool."""
import os

import falcon
from lxml import etree

CATALOGUE_PATH = os.environ.get("MODEL_CATALOGUE", "/etc/modelgov/catalogue.xml")


class Catalogue:
    """Read-only view over the governance export; reloaded when the file changes."""

    def __init__(self, path: str):
        self.path = path
        self._mtime = 0.0
        self._tree = None

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        if self._tree is None or mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._tree = etree.parse(self.path, parser)
            self._mtime = mtime
        return self._tree

    def metrics_for(self, model: str, version: str):
        expr = (
            "/catalogue/model[@name='" + model + "' and @version='" + version
            + "' and @visibility='public']/metrics/metric"
        )
        nodes = self.tree.xpath(expr)  # VULN flow
        return [{"name": n.get("name"), "value": n.get("value"), "dataset": n.get("dataset")} for n in nodes]

    def is_public(self, model: str):
        nodes = self.tree.xpath("/catalogue/model[@visibility='public']/@name")
        return model in {str(n) for n in nodes}


class ModelMetricsResource:
    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue

    def on_get(self, req, resp, model):
        version = req.get_param("version", default="latest")
        metrics = self.catalogue.metrics_for(model, version)
        if not metrics:
            raise falcon.HTTPNotFound(description="no public card for that model/version")
        resp.media = {"model": model, "version": version, "metrics": metrics}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


catalogue = Catalogue(CATALOGUE_PATH)
app = falcon.App()
app.add_route("/cards/{model}/metrics", ModelMetricsResource(catalogue))
app.add_route("/healthz", HealthResource())
