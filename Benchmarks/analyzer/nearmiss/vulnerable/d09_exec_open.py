import sys

def main():
    exec(open(sys.argv[1]).read())  # VULN

main()
