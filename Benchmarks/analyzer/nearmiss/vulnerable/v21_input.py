import os

def main():
    name = input("file to delete: ")
    os.system("rm -rf " + name)  # VULN flow

if __name__ == "__main__":
    main()
