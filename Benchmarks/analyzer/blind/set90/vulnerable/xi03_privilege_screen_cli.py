"""Apply a privilege-screening protocol to a document metadata export.

The protocol file is exchanged with co-counsel and lists the screening rules
agreed in the ESI stipulation, for example::

    {"rules": [{"name": "outside-counsel", "expr": "'@smithlaw.com' in sender"}]}
"""
import csv
import json
import logging
import sys

import click

log = logging.getLogger("priv_screen")

FIELDS = ("doc_id", "custodian", "sender", "recipients", "subject", "date_sent", "file_ext")


def load_rules(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    rules = []
    for item in data.get("rules", []):
        rules.append((item["name"], item["expr"]))
    return rules


def matches(expr, doc):
    scope = {k: (doc.get(k) or "").lower() for k in FIELDS}
    return bool(eval(expr, {"__builtins__": {}}, scope))  # VULN flow


def screen(rows, rules):
    for row in rows:
        hits = [name for name, expr in rules if matches(expr, row)]
        yield row["doc_id"], hits


@click.command()
@click.option("--protocol", "protocol_path", required=True, type=click.Path(exists=True))
@click.option("--out", "out_path", default="-", help="Where to write privilege candidates.")
@click.argument("metadata_csv", type=click.Path(exists=True))
def main(protocol_path, out_path, metadata_csv):
    """Flag documents in METADATA_CSV that hit any protocol rule."""
    logging.basicConfig(level=logging.INFO)
    rules = load_rules(protocol_path)
    log.info("loaded %d screening rules", len(rules))

    out = sys.stdout if out_path == "-" else open(out_path, "w", newline="", encoding="utf-8")
    writer = csv.writer(out)
    writer.writerow(["doc_id", "rules_hit"])
    flagged = 0
    with open(metadata_csv, newline="", encoding="utf-8") as fh:
        for doc_id, hits in screen(csv.DictReader(fh), rules):
            if hits:
                flagged += 1
                writer.writerow([doc_id, ";".join(hits)])
    if out is not sys.stdout:
        out.close()
    log.info("%d documents flagged for privilege review", flagged)


if __name__ == "__main__":
    main()
