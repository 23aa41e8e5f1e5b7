"""Printable shift calendars for site leads (aiohttp service).

Builds an .ics for the site's upcoming shifts and renders it to PDF with the
ical2pdf tool so leads can post it on the break-room wall.
"""
import asyncio
import logging
import os
import uuid
from datetime import datetime
from pathlib import Path

from aiohttp import web

log = logging.getLogger("shifts.export")

EXPORT_DIR = Path(os.environ.get("SHIFT_EXPORT_DIR", "/var/cache/shift-exports"))
SITES = {"wh1": "Main warehouse", "pe2": "Pantry East", "mm3": "Mobile market"}


async def load_shifts(pool, site_id: str) -> list:
    async with pool.acquire() as conn:
        return await conn.fetch(
            "SELECT id, title, starts_at, ends_at, lead_name FROM shifts "
            "WHERE site_id = $1 AND starts_at > now() ORDER BY starts_at LIMIT 200",
            site_id,
        )


def write_ics(shifts: list, site_id: str) -> Path:
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = EXPORT_DIR / f"{site_id}_{uuid.uuid4().hex}.ics"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//harbor//shifts//EN"]
    for s in shifts:
        lines += [
            "BEGIN:VEVENT",
            f"UID:shift-{s['id']}@harborfoodbank.org",
            f"DTSTART:{s['starts_at']:%Y%m%dT%H%M%S}",
            f"DTEND:{s['ends_at']:%Y%m%dT%H%M%S}",
            f"SUMMARY:{s['title']}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines))
    return path


async def render_pdf(ics_path: Path, title: str) -> Path:
    pdf_path = ics_path.with_suffix(".pdf")
    cmd = ["ical2pdf", "--title", title, str(ics_path), "-o", str(pdf_path)]
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace")[:300])
    return pdf_path


async def export_shifts(request: web.Request) -> web.StreamResponse:
    site_id = request.match_info["site"]
    if site_id not in SITES:
        raise web.HTTPNotFound()
    title = request.query.get("title") or f"{SITES[site_id]} - {datetime.now():%B %Y}"
    shifts = await load_shifts(request.app["pool"], site_id)
    ics_path = write_ics(shifts, site_id)
    try:
        pdf_path = await render_pdf(ics_path, title)
    except RuntimeError:
        log.exception("calendar render failed for site %s", site_id)
        raise web.HTTPInternalServerError(text="could not render calendar")
    return web.FileResponse(pdf_path, headers={"Content-Disposition": "inline"})


def make_app(pool) -> web.Application:
    app = web.Application()
    app.router.add_get("/sites/{site}/calendar.pdf", export_shifts)
    app["pool"] = pool
    return app
