import os
import sys

def main():
    os.execvp(sys.argv[1], sys.argv[1:])  # VULN

main()
