"""Macro expansion for the course wiki.

Page authors (any enrolled user) can embed macros such as::

    {{toc depth=2}}
    {{youtube id="dQw4w9WgXcQ", start=30}}
    {{calc 12 * 4 + 3}}
"""
import html
import logging
import re
from typing import Callable, Dict

log = logging.getLogger("wiki.macros")

MACRO_RE = re.compile(r"\{\{(\w+)(?:\s+(.*?))?\}\}")
MACROS: Dict[str, Callable[..., str]] = {}


def macro(name: str):
    def register(fn):
        MACROS[name] = fn
        return fn
    return register


def parse_arguments(raw: str) -> dict:
    """Turn ``a=1, b="x"`` into a dict."""
    if not raw:
        return {}
    source = "dict(" + raw + ")"
    return eval(source, {"dict": dict})  # VULN flow


@macro("youtube")
def youtube(id: str, start: int = 0) -> str:
    vid = html.escape(str(id), quote=True)
    return (f'<iframe src="https://www.youtube-nocookie.com/embed/{vid}?start={int(start)}" '
            'allowfullscreen></iframe>')


@macro("toc")
def toc(depth: int = 3) -> str:
    return f'<nav class="toc" data-depth="{int(depth)}"></nav>'


@macro("badge")
def badge(text: str = "", color: str = "blue") -> str:
    return f'<span class="badge badge-{html.escape(color)}">{html.escape(text)}</span>'


def expand_calc(expression: str) -> str:
    expression = expression.strip()
    value = eval(expression)  # VULN flow
    return html.escape(str(value))


class MacroExpander:
    def __init__(self, page_title: str):
        self.page_title = page_title
        self.errors = []

    def _replace(self, match: re.Match) -> str:
        name, raw = match.group(1), match.group(2) or ""
        try:
            if name == "calc":
                return expand_calc(raw)
            fn = MACROS.get(name)
            if fn is None:
                return match.group(0)
            return fn(**parse_arguments(raw))
        except Exception as exc:
            self.errors.append(f"{name}: {exc}")
            return f'<span class="macro-error">{html.escape(name)}</span>'

    def expand(self, rendered_html: str) -> str:
        out = MACRO_RE.sub(self._replace, rendered_html)
        if self.errors:
            log.info("page %r had %d macro errors", self.page_title, len(self.errors))
        return out
