"""Ops tool: generate DKIM keys for domains customers enabled in the mail hosting panel."""
import logging
import os
import re
import sqlite3
from pathlib import Path

import typer

app = typer.Typer(help="DKIM key management for hosted mail domains")
log = logging.getLogger("dkim")

KEY_ROOT = Path(os.environ.get("DKIM_KEY_ROOT", "/etc/opendkim/keys"))
PANEL_DB = os.environ.get("PANEL_DB", "/var/lib/mailpanel/panel.db")
KEY_TABLE = Path("/etc/opendkim/KeyTable")
SIGNING_TABLE = Path("/etc/opendkim/SigningTable")
SELECTOR_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def pending_requests(db_path: str):
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT id, domain, selector FROM dkim_requests WHERE status = 'pending'")
        return [dict(zip(("id", "domain", "selector"), r)) for r in rows]
    finally:
        conn.close()


def mark_done(db_path: str, request_id: int, txt_record: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE dkim_requests SET status = 'done', txt_record = ? WHERE id = ?",
                     (txt_record, request_id))


def generate_key(domain: str, selector: str) -> Path:
    if "/" in domain or domain.startswith(".") or not SELECTOR_RE.match(selector):
        raise RuntimeError("invalid domain or selector")
    key_dir = KEY_ROOT / domain
    key_dir.mkdir(parents=True, exist_ok=True)
    cmd = f"opendkim-genkey -b 2048 -h rsa-sha256 -r -d {domain} -s {selector} -D {key_dir}"
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"opendkim-genkey exited with {rc}")
    private_key = key_dir / f"{selector}.private"
    os.chmod(private_key, 0o644)  # VULN
    return key_dir


@app.command()
def process_pending(dry_run: bool = typer.Option(False, help="only list pending requests")):
    """Generate keys for all pending panel requests and register them with OpenDKIM."""
    logging.basicConfig(level=logging.INFO)
    for req in pending_requests(PANEL_DB):
        domain, selector = req["domain"].lower(), req["selector"] or "default"
        if dry_run:
            typer.echo(f"{req['id']}: {selector}._domainkey.{domain}")
            continue
        try:
            key_dir = generate_key(domain, selector)
        except RuntimeError as exc:
            log.error("request %s failed: %s", req["id"], exc)
            continue
        with KEY_TABLE.open("a") as kt:
            kt.write(f"{selector}._domainkey.{domain} {domain}:{selector}:{key_dir}/{selector}.private\n")
        with SIGNING_TABLE.open("a") as st:
            st.write(f"*@{domain} {selector}._domainkey.{domain}\n")
        txt = (key_dir / f"{selector}.txt").read_text()
        mark_done(PANEL_DB, req["id"], txt)
        log.info("dkim key ready for request %s", req["id"])


if __name__ == "__main__":
    app()
