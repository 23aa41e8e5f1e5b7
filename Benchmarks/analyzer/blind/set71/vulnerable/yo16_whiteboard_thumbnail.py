"""Render PNG thumbnails of whiteboard boards for the board picker.

Runs from cron every few minutes; picks up boards modified since the last
run, rasterises their SVG export and drops the PNGs into the shared
thumbnail directory that the nginx static host serves.
"""
import argparse
import logging
import os
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone

import psycopg2

log = logging.getLogger("whiteboard.thumbs")
THUMB_DIR = os.environ.get("THUMB_DIR", "/srv/whiteboard/thumbs")
THUMB_WIDTH = 480


def changed_boards(conn, since: datetime):
    with conn.cursor() as cur:
        cur.execute("SELECT id, svg FROM boards WHERE updated_at > %s AND svg IS NOT NULL", (since,))
        return cur.fetchall()


def rasterise(board_id: int, svg: str) -> str:
    svg_path = tempfile.mktemp(suffix=".svg", prefix=f"board{board_id}-")  # VULN
    png_path = svg_path[:-4] + ".png"
    with open(svg_path, "w", encoding="utf-8") as fh:
        fh.write(svg)
    try:
        subprocess.run(
            ["rsvg-convert", "-w", str(THUMB_WIDTH), "-o", png_path, svg_path],
            check=True,
            capture_output=True,
            timeout=60,
        )
    finally:
        os.unlink(svg_path)
    return png_path


def publish(board_id: int, png_path: str) -> str:
    os.makedirs(THUMB_DIR, exist_ok=True)
    final = os.path.join(THUMB_DIR, f"{board_id}.png")
    shutil.move(png_path, final)
    os.chmod(final, 0o777)  # VULN
    return final


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dsn", default=os.environ.get("WHITEBOARD_DSN", "dbname=whiteboard"))
    ap.add_argument("--minutes", type=int, default=10)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    since = datetime.now(timezone.utc) - timedelta(minutes=args.minutes)
    conn = psycopg2.connect(args.dsn)
    done = 0
    try:
        for board_id, svg in changed_boards(conn, since):
            try:
                publish(board_id, rasterise(board_id, svg))
                done += 1
            except subprocess.CalledProcessError as exc:
                log.warning("board %d failed to render: %r", board_id, exc.stderr[:200])
    finally:
        conn.close()
    log.info("rendered %d thumbnails", done)


if __name__ == "__main__":
    main()
