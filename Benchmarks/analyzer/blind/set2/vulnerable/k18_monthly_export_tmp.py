import csv
import datetime
import os
import shutil
import tempfile

from reporting.db import fetch_monthly_totals

EXPORT_DIR = "/srv/exports"


def export_monthly(month):
    tmp_path = tempfile.mktemp(suffix=".csv", prefix="monthly-")  # VULN
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["account", "total"])
        for account, total in fetch_monthly_totals(month):
            writer.writerow([account, f"{total:.2f}"])
    final = os.path.join(EXPORT_DIR, f"totals-{month}.csv")
    shutil.move(tmp_path, final)
    return final


if __name__ == "__main__":
    last_month = (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    print(export_monthly(last_month))
