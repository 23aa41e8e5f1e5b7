"""Starlette app that renders an uploaded XLIFF file as a bilingual HTML table.

Project managers use it to eyeball a file before sending it to the client.
"""
from html import escape

from defusedxml import ElementTree as DET
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

XLIFF_NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/preview.css"></head>
<body><h1>{title}</h1>
<p class="meta">{source_lang} &rarr; {target_lang} &middot; {count} segments</p>
<table class="bilingual"><thead><tr><th>#</th><th>Source</th><th>Target</th><th>State</th></tr></thead>
<tbody>{rows}</tbody></table></body></html>"""


def extract_segments(data: bytes) -> tuple:
    root = DET.fromstring(data)
    file_el = root.find("x:file", XLIFF_NS)
    if file_el is None:
        raise ValueError("no <file> element")
    segments = []
    for unit in file_el.iterfind(".//x:trans-unit", XLIFF_NS):
        src = unit.find("x:source", XLIFF_NS)
        tgt = unit.find("x:target", XLIFF_NS)
        segments.append({
            "id": unit.get("id", ""),
            "source": "".join(src.itertext()) if src is not None else "",
            "target": "".join(tgt.itertext()) if tgt is not None else "",
            "state": tgt.get("state", "new") if tgt is not None else "new",
        })
    return file_el.get("source-language", "?"), file_el.get("target-language", "?"), segments


def render_row(seg: dict) -> str:
    e = {k: escape(str(v), quote=True) for k, v in seg.items()}
    return (
        f"<tr class=\"{e['state']}\"><td>{e['id']}</td>"
        f"<td>{e['source']}</td><td>{e['target']}</td><td>{e['state']}</td></tr>"
    )


async def preview(request: Request):
    form = await request.form()
    upload = form.get("file")
    if upload is None:
        return PlainTextResponse("file required", status_code=400)
    data = await upload.read()
    try:
        src_lang, tgt_lang, segments = extract_segments(data)
    except Exception:
        return PlainTextResponse("could not parse XLIFF", status_code=422)
    title = request.query_params.get("title") or upload.filename
    html = PAGE.format(
        title=escape(title or ""),
        source_lang=escape(src_lang),
        target_lang=escape(tgt_lang),
        count=len(segments),
        rows="".join(render_row(s) for s in segments),
    )
    return HTMLResponse(html)


app = Starlette(routes=[Route("/preview", preview, methods=["POST"])])
