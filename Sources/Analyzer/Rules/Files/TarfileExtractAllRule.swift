import PythonSyntax

/// B202: `tarfile` `extractall()` without a filter or a vetted member list.
struct TarfileExtractAllRule: Rule {
    static let description = RuleDescription(
        code: "ASC202", name: "tarfile-unsafe-members", banditID: "B202", cwe: 22, severity: .high, confidence: .high,
        rationale: """
        A tar archive can hold members named ../../etc/cron.d/x, absolute paths, or links out of \
        the target directory; extractall writes them all. Pass filter="data" (Python 3.12+, \
        backported to 3.8+ security releases), or members= a list you have checked.
        """,
        triggering: [
            "import tarfile\nwith tarfile.open(path) as tar:\n    ↓tar.extractall(dest)\n",
            "import tarfile\narchive = tarfile.open(upload)\n↓archive.extractall(path=\"out\", members=pick(archive))\n",
        ],
        nonTriggering: [
            "import tarfile\nwith tarfile.open(path) as tar:\n    tar.extractall(dest, filter=\"data\")\n",
            "import zipfile\nwith zipfile.ZipFile(path) as z:\n    z.extractall(dest)\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredImports: [String] { ["tarfile"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "extractall",
              case .call(_, let arguments, let keywords) = expression.kind, context.imports.imports("tarfile") else { return }
        if let filter = keywords.first(where: { $0.arg == "filter" })?.value,  // keyword-only
           !filter.isNoneConstant, filter.stringConstant != "fully_trusted" { return }
        if keywords.contains(where: { $0.arg == nil }) { return }
        if let members = keywords.first(where: { $0.arg == "members" })?.value ?? (arguments.count > 1 ? arguments[1] : nil),
           !members.isNoneConstant {
            let viaFunction: Bool = { if case .call = members.kind { return true } else { return false } }()
            context.report(expression.loc, "tarfile extractall with a member list; make sure it rejects unsafe paths and links",
                           severity: viaFunction ? .low : .medium, confidence: viaFunction ? .low : .medium,
                           fixHint: "pass filter=\"data\"")
            return
        }
        context.report(expression.loc, "tarfile extractall without a filter can write outside the target directory (path traversal)",
                       fixHint: "pass filter=\"data\"")
    }
}
