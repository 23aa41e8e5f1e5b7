import PythonSyntax

/// B413: importing Crypto; a low-severity pointer to code worth reviewing.
struct ImportPyCryptoRule: Rule {
    static let description = RuleDescription(
        code: "ASC413", name: "import-pycrypto", banditID: "B413", cwe: 327, severity: .low, confidence: .high,
        rationale: "PyCrypto is unmaintained and has known vulnerabilities. Use the cryptography package (or pycryptodomex, imported as Cryptodome).",
        // pycryptodome, maintained, is imported by the same name: which one is installed is the
        // dependency list's to say, not the import's. A reminder, on when a policy names it.
        optIn: true,
        triggering: [
            "↓from Crypto.Cipher import AES\n",
            "import ↓Crypto.PublicKey.RSA\n",
        ],
        nonTriggering: [
            "from cryptography.fernet import Fernet\n",
            "from Cryptodome.Cipher import AES\n",
        ]
    )

    static let modules: Set<String> = ["Crypto"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
