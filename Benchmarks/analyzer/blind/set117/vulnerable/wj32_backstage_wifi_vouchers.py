#!/usr/bin/env python3
"""Mint backstage Wi-Fi vouchers for visiting crews and artists.

Production office runs this on show day; vouchers are printed on the
laminates and loaded into the venue's wireless controller.
"""
import csv
import random
import sys
from datetime import datetime, timedelta

import click
import requests

CONTROLLER = "https://wlc.venue.internal:8443"
CONTROLLER_USER = "prodoffice"
CONTROLLER_PASSWORD = "Backstage#Wifi2024"  # VULN

NETWORKS = {"crew": "BKSTG-CREW", "artist": "BKSTG-ARTIST", "press": "BKSTG-PRESS"}


def voucher_code(length: int = 10) -> str:
    digits = [str(random.randint(0, 9)) for _ in range(length)]  # VULN
    return "".join(digits[:5]) + "-" + "".join(digits[5:])


class Controller:
    def __init__(self, base: str, user: str, password: str):
        self.base = base
        self.http = requests.Session()
        self.user, self.password = user, password

    def login(self) -> None:
        resp = self.http.post(f"{self.base}/api/login",
                              json={"username": self.user, "password": self.password}, timeout=10)
        resp.raise_for_status()

    def create_vouchers(self, network: str, codes, expires: datetime) -> None:
        resp = self.http.post(
            f"{self.base}/api/s/default/cmd/hotspot",
            json={"cmd": "import-vouchers", "ssid": network,
                  "codes": list(codes), "expire": int(expires.timestamp())},
            timeout=20,
        )
        resp.raise_for_status()


@click.command()
@click.option("--kind", type=click.Choice(sorted(NETWORKS)), default="crew")
@click.option("--count", type=click.IntRange(1, 500), default=40)
@click.option("--hours", type=click.IntRange(1, 72), default=20)
@click.option("--out", type=click.File("w"), default="-")
def main(kind: str, count: int, hours: int, out) -> None:
    codes = {voucher_code() for _ in range(count)}
    while len(codes) < count:
        codes.add(voucher_code())
    expires = datetime.now() + timedelta(hours=hours)

    ctl = Controller(CONTROLLER, CONTROLLER_USER, CONTROLLER_PASSWORD)
    try:
        ctl.login()
        ctl.create_vouchers(NETWORKS[kind], codes, expires)
    except requests.RequestException as exc:
        click.echo(f"controller rejected vouchers: {exc}", err=True)
        sys.exit(1)

    writer = csv.writer(out)
    writer.writerow(["network", "voucher", "expires"])
    for code in sorted(codes):
        writer.writerow([NETWORKS[kind], code, expires.strftime("%Y-%m-%d %H:%M")])


if __name__ == "__main__":
    main()
