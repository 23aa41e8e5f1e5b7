import PythonSyntax

/// B402: importing ftplib; a low-severity pointer to code worth reviewing.
struct ImportFtplibRule: Rule {
    static let description = RuleDescription(
        code: "ASC402", name: "import-ftplib", banditID: "B402", cwe: 319, severity: .low, confidence: .high,
        rationale: "Plain FTP sends the login and files unencrypted. Use SFTP (paramiko) or ftplib.FTP_TLS with prot_p(), and review each FTP use.",
        triggering: [
            "import ↓ftplib\n",
            "↓from ftplib import FTP\n",
        ],
        nonTriggering: [
            "import paramiko\n",
            "from mylib import ftplib_compat\n",
            "from ftplib import FTP_TLS, all_errors\n",
            "import ftplib\nftp = ftplib.FTP_TLS(host)\nftp.prot_p()\n",
        ]
    )

    static let modules: Set<String> = ["ftplib"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        guard !Self.usesOnlyTLS(node, context: context) else { return }
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }

    /// The names of ftplib that carry no plain FTP session: its TLS client and its errors.
    static let tlsNames: Set<String> = ["FTP_TLS", "error_perm", "error_temp", "error_reply", "error_proto", "all_errors", "Error"]

    /// `from ftplib import FTP_TLS`, or `import ftplib` in a file that makes only `ftplib.FTP_TLS`
    /// sessions: encrypted FTP, nothing to review here (a plain `FTP(` is ASC321's).
    static func usesOnlyTLS(_ node: Node, context: RuleContext) -> Bool {
        guard case .stmt(let statement) = node else { return false }
        switch statement.kind {
        case .importFrom("ftplib", let names, 0):
            return names.allSatisfy { tlsNames.contains($0.name) }
        case .import(let names):
            guard names.contains(where: { $0.name == "ftplib" && $0.asname == nil }) else { return false }
            let source = context.parsed.source
            return source.containsSequence(Array("ftplib.FTP_TLS(".utf8)) && !source.containsSequence(Array("ftplib.FTP(".utf8))
        default:
            return false
        }
    }
}
