import csv
import datetime
import os
import tempfile

from reporting.db import fetch_monthly_totals

EXPORT_DIR = "/srv/exports"


def export_monthly(month):
    final = os.path.join(EXPORT_DIR, f"totals-{month}.csv")
    with tempfile.NamedTemporaryFile("w", newline="", suffix=".csv", dir=EXPORT_DIR, delete=False) as fh:
        writer = csv.writer(fh)
        writer.writerow(["account", "total"])
        for account, total in fetch_monthly_totals(month):
            writer.writerow([account, f"{total:.2f}"])
    os.replace(fh.name, final)
    return final


if __name__ == "__main__":
    last_month = (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    print(export_monthly(last_month))
