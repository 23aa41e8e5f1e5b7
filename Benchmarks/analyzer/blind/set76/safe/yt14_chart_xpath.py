"""Weekly chart API (Falcon).

The data team publishes each week's chart as XML; entries still under
embargo carry status="embargoed" until the radio premiere.
"""
import logging
import re
from pathlib import Path

import falcon
from lxml import etree

CHART_DIR = Path("/srv/charts")
WEEK_RE = re.compile(r"^\d{4}-W\d{2}$")
log = logging.getLogger("charts")


class ChartRepository:
    def __init__(self, root: Path):
        self.root = root
        self._cache = {}

    def load(self, week: str):
        if not WEEK_RE.match(week):
            raise FileNotFoundError(week)
        if week not in self._cache:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._cache[week] = etree.parse(str(self.root / f"{week}.xml"), parser)
        return self._cache[week]

    def entries_for(self, week: str, artist=None, top: int = 40):
        tree = self.load(week)
        expr = "/chart/entry[@status='published'][position() <= $top]"
        if artist:
            expr += "[artist=$artist]"
        return tree.xpath(expr, top=int(top), artist=artist or "")


def entry_to_dict(e) -> dict:
    return {
        "position": int(e.get("pos")),
        "title": e.findtext("title"),
        "artist": e.findtext("artist"),
        "label": e.findtext("label"),
        "weeks_on_chart": int(e.findtext("woc") or 0),
    }


class ChartResource:
    def __init__(self, repo: ChartRepository):
        self.repo = repo

    def on_get(self, req, resp, week):
        artist = req.get_param("artist")
        top = req.get_param_as_int("top", default=40, min_value=1, max_value=100)
        try:
            entries = self.repo.entries_for(week, artist, top)
        except (FileNotFoundError, OSError):
            raise falcon.HTTPNotFound(description="no chart for that week")
        except etree.XPathError:
            raise falcon.HTTPBadRequest(description="bad filter")
        resp.media = {"week": week, "entries": [entry_to_dict(e) for e in entries]}


app = falcon.App()
app.add_route("/charts/{week}", ChartResource(ChartRepository(CHART_DIR)))
