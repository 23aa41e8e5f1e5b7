import sys
import sqlite3

def main():
    conn = sqlite3.connect("app.db")
    user = sys.argv[1]
    conn.execute(f"DELETE FROM users WHERE name = '{user}'")  # VULN flow
    conn.commit()

main()
