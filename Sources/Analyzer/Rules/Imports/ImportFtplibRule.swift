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
        ]
    )

    static let modules: Set<String> = ["ftplib"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
