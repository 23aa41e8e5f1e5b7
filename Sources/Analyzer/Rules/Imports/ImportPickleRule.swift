import PythonSyntax

/// B403: importing pickle / cPickle / _pickle / dill / shelve; a low-severity pointer to code worth reviewing.
struct ImportPickleRule: Rule {
    static let description = RuleDescription(
        code: "ASC403", name: "import-pickle", banditID: "B403", cwe: 502, severity: .low, confidence: .high,
        rationale: "pickle, dill and shelve load data by running code the data names; make sure they never read untrusted bytes, and prefer JSON for data exchange.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓pickle\n",
            "import os, ↓dill\n",
            "↓from shelve import open as shelf\n",
        ],
        nonTriggering: [
            "import json\n",
            "import pickletools_wrapper\n",
        ]
    )

    static let modules: Set<String> = ["pickle", "cPickle", "_pickle", "dill", "shelve"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
