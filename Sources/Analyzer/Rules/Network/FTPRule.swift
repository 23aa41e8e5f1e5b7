import PythonSyntax

/// B321: plain FTP sends credentials and files in clear text.
struct FTPRule: Rule {
    static let description = RuleDescription(
        code: "ASC321", name: "ftp-usage", banditID: "B321", cwe: 319, severity: .high, confidence: .high,
        rationale: """
        FTP sends the login and every file unencrypted. Use SFTP (paramiko) or FTP over TLS \
        (ftplib.FTP_TLS, then prot_p()).
        """,
        triggering: [
            "import ftplib\nftp = ↓ftplib.FTP(host)\n",
            "from ftplib import FTP\nwith ↓FTP(\"ftp.example.com\") as ftp:\n    ftp.login()\n",
        ],
        nonTriggering: [
            "import ftplib\nftp = ftplib.FTP_TLS(host)\n",
            "FTP(host)\n",
        ]
    )

    var callees: Set<String> { ["ftplib.FTP"] }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "FTP is a clear-text protocol", fixHint: "use SFTP or ftplib.FTP_TLS")
    }
}
