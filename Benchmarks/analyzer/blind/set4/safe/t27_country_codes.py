import functools
import xml.etree.ElementTree as ET
from importlib import resources


@functools.lru_cache(maxsize=None)
def load_countries():
    with resources.files("geodata").joinpath("data/iso3166.xml").open("rb") as fh:
        tree = ET.parse(fh)
    countries = {}
    for node in tree.getroot().iter("country"):
        code = node.get("alpha2")
        countries[code] = {
            "name": node.findtext("name"),
            "alpha3": node.get("alpha3"),
            "numeric": int(node.get("numeric")),
        }
    return countries


def country_name(code: str) -> str:
    entry = load_countries().get(code.upper())
    if entry is None:
        raise KeyError(f"unknown country code {code!r}")
    return entry["name"]
