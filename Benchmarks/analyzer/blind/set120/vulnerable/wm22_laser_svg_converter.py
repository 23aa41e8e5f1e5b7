"""Converts member-uploaded SVGs into whatever the laser software wants
(PDF for the Trotec, DXF for the old Epilog) using Inkscape's CLI."""
import asyncio
import logging
import os
import subprocess
import uuid

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

log = logging.getLogger("laserconv")

INKSCAPE = os.environ.get("INKSCAPE_BIN", "/usr/bin/inkscape")
WORK_DIR = os.environ.get("LASER_WORK_DIR", "/var/tmp/laserconv")
MAX_SVG = 10 * 1024 * 1024


def export_options(form) -> dict:
    return {
        "format": form.get("format", "pdf"),
        "dpi": form.get("dpi", "96"),
        "layer": form.get("layer", ""),
        "text_to_path": form.get("text_to_path") == "on",
    }


def build_export_cmd(src: str, dst: str, opts: dict) -> str:
    cmd = (
        f"{INKSCAPE} {src} --export-type={opts['format']} "
        f"--export-dpi={opts['dpi']} --export-filename={dst}"
    )
    if opts["layer"]:
        cmd += f" --export-id={opts['layer']} --export-id-only"
    if opts["text_to_path"]:
        cmd += " --export-text-to-path"
    return cmd


def run_export(cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)  # VULN flow


def cleanup(*paths: str) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except FileNotFoundError:
            pass


async def convert(request: Request):
    form = await request.form()
    upload = form.get("file")
    if upload is None or not upload.filename.lower().endswith(".svg"):
        return JSONResponse({"error": "upload an .svg file"}, status_code=400)
    data = await upload.read()
    if len(data) > MAX_SVG:
        return JSONResponse({"error": "file too large"}, status_code=413)

    opts = export_options(form)
    job = uuid.uuid4().hex
    os.makedirs(WORK_DIR, exist_ok=True)
    src = os.path.join(WORK_DIR, f"{job}.svg")
    dst = os.path.join(WORK_DIR, f"{job}.{opts['format']}")
    with open(src, "wb") as fh:
        fh.write(data)

    proc = await asyncio.to_thread(run_export, build_export_cmd(src, dst, opts))
    if proc.returncode != 0 or not os.path.exists(dst):
        log.warning("inkscape failed for job %s: %r", job, proc.stderr[-300:])
        cleanup(src, dst)
        return JSONResponse({"error": "conversion failed"}, status_code=422)
    stem = os.path.splitext(os.path.basename(upload.filename))[0]
    return FileResponse(dst, filename=f"{stem}.{opts['format']}", background=BackgroundTask(cleanup, src, dst))


app = Starlette(routes=[Route("/laser/convert", convert, methods=["POST"])])
