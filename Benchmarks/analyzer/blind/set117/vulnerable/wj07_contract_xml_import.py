"""Import artist engagement contracts exported by agency booking systems.

Agencies email ContractML exports; the ops mailbox rule saves attachments to
the inbox directory and this job turns them into deal rows.
"""
import argparse
import decimal
import logging
import shutil
from pathlib import Path

from lxml import etree

log = logging.getLogger("contract-import")

NS = {"c": "urn:agency:contractml:2"}


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(
        load_dtd=True,
        resolve_entities=True,
        no_network=False,
        remove_blank_text=True,
    )


def parse_contract(raw: bytes) -> dict:
    root = etree.fromstring(raw, make_parser())  # VULN flow

    def text(xpath: str, default: str = "") -> str:
        found = root.xpath(xpath, namespaces=NS)
        return found[0].text.strip() if found and found[0].text else default

    return {
        "artist": text("c:Artist/c:Name"),
        "agent": text("c:Agent/c:Email"),
        "venue": text("c:Engagement/c:Venue"),
        "date": text("c:Engagement/c:Date"),
        "guarantee": decimal.Decimal(text("c:Terms/c:Guarantee", "0")),
        "backend_pct": decimal.Decimal(text("c:Terms/c:BackendPercent", "0")),
        "notes": text("c:Terms/c:Notes"),
    }


def import_dir(inbox: Path, done: Path, failed: Path) -> int:
    count = 0
    for path in sorted(inbox.glob("*.xml")):
        try:
            deal = parse_contract(path.read_bytes())
        except (etree.XMLSyntaxError, decimal.InvalidOperation) as exc:
            log.warning("rejecting %r: %s", path.name, exc)
            shutil.move(str(path), failed / path.name)
            continue
        log.info("deal %r at %r on %r, guarantee %s",
                 deal["artist"], deal["venue"], deal["date"], deal["guarantee"])
        save_deal(deal)
        shutil.move(str(path), done / path.name)
        count += 1
    return count


def save_deal(deal: dict) -> None:
    # Hooked up to the deals service in production.
    print(deal)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inbox", type=Path, default=Path("/srv/contracts/inbox"))
    ap.add_argument("--done", type=Path, default=Path("/srv/contracts/done"))
    ap.add_argument("--failed", type=Path, default=Path("/srv/contracts/failed"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    n = import_dir(args.inbox, args.done, args.failed)
    log.info("imported %d contracts", n)


if __name__ == "__main__":
    main()
