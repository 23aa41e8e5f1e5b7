import argparse
import subprocess

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    args = parser.parse_args()
    subprocess.run(["wc", "-l", args.path], check=True)

if __name__ == "__main__":
    main()
