import PythonSyntax

/// B103: `chmod` with a mode that lets group or others write; also a directory made
/// world-writable (`os.makedirs(path, mode=0o777)`).
struct PermissiveChmodRule: Rule {
    static let description = RuleDescription(
        code: "ASC103", name: "permissive-file-permissions", banditID: "B103", cwe: 732, severity: .medium, confidence: .high,
        rationale: """
        A file that others (or the group) can write can be replaced or altered by another \
        account, and a world-writable script runs their code. Grant the least needed: 0o600 for \
        private files, 0o644 for shared ones, 0o755 for programs.
        """,
        fixAvailable: true,
        triggering: [
            "import os\nfd = os.open(path, os.O_WRONLY | os.O_CREAT, ↓0o666)\n",
            "import os\nos.chmod(path, ↓0o777)\n",
            "import os, stat\nos.chmod(path, ↓stat.S_IRWXU | stat.S_IRWXG)\n",
            "from pathlib import Path\nimport os\nos.chmod(script, mode=↓0o666)\n",
            "import os\nos.makedirs(target, mode=↓0o777, exist_ok=True)\n",
            "import os\nSHARED_MODE = 0o666\n\ndef publish(path):\n    os.chmod(path, ↓SHARED_MODE)\n",
            "import os\nprivate_key = key_dir / f\"{selector}.private\"\nos.chmod(private_key, ↓0o644)\n",
        ],
        nonTriggering: [
            "import os\nos.chmod(path, 0o600)\n",
            "import os\nPRIVATE_MODE = 0o600\n\ndef publish(path):\n    os.chmod(path, PRIVATE_MODE)\n",
            "import os\nos.chmod(path, 0o755)\n",  // executable, but writable only by the owner
            "import os\nos.chmod(public_key_path, 0o644)\n",  // meant to be read
            "import os\nos.chmod(path, mode)\n",
            "import os\nos.makedirs(target, mode=0o775, exist_ok=True)\n",  // a group's shared directory
        ]
    )

    var callees: Set<String> { ["os.chmod", "os.lchmod", "os.fchmod", "os.makedirs", "os.mkdir", "os.open"] }

    static let statBits: [String: Int] = [
        "S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100, "S_IRWXG": 0o070, "S_IRGRP": 0o040,
        "S_IWGRP": 0o020, "S_IXGRP": 0o010, "S_IRWXO": 0o007, "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001,
        "S_ISUID": 0o4000, "S_ISGID": 0o2000, "S_ISVTX": 0o1000, "S_IREAD": 0o400, "S_IWRITE": 0o200, "S_IEXEC": 0o100,
    ]

    /// The value of an octal literal or an `|` of `stat.S_*` constants.
    static func mode(of expression: Expr, imports: ImportTable) -> Int? {
        if let value = expression.intConstant { return value }
        switch expression.kind {
        case .binOp(let left, .bitOr, let right), .binOp(let left, .add, let right):
            guard let l = mode(of: left, imports: imports), let r = mode(of: right, imports: imports) else { return nil }
            return l | r
        default:
            guard let name = imports.qualifiedName(of: expression), name.hasPrefix("stat.") else { return nil }
            return statBits[String(name.dropFirst("stat.".count))]
        }
    }

    func check(call: CallSite, context: inout RuleContext) {
        // The mode, or the module constant holding it (`DOCUMENT_MODE = 0o777`).
        guard let argument = call.argument("mode", position: call.qualifiedName == "os.open" ? 2 : 1),
              let mode = Self.mode(of: argument, imports: context.imports)
                ?? context.literalValue(argument).flatMap({ Self.mode(of: $0, imports: context.imports) }) else { return }
        // A new directory or file: its mode passes through the umask, so only asking for others'
        // write bit is worth a report (0o775 for a shared group directory is common).
        if call.qualifiedName == "os.makedirs" || call.qualifiedName == "os.mkdir" || call.qualifiedName == "os.open" {
            if mode & 0o002 != 0 {
                // A file asked for as 0o666 is what `open()` asks for too: only a hint (low).
                let file = call.qualifiedName == "os.open"
                context.report(argument.loc, "\(file ? "file" : "directory") created writable by every user (unless the umask removes it)",
                               severity: file ? .low : nil, fixHint: file ? "use 0o600 or 0o644" : "use 0o700 or 0o755")
            }
            return
        }
        if mode & 0o002 != 0 {
            context.report(argument.loc, "chmod makes the file writable by every user", severity: .high,
                           fixHint: "use 0o600, 0o644 or 0o755")
        } else if mode & 0o020 != 0 {
            context.report(argument.loc, "chmod makes the file writable by its group", fixHint: "use 0o600, 0o644 or 0o755")
        } else if mode & 0o044 != 0, let path = call.argument("path", position: 0), Self.namesSecretFile(path, context: context) {
            context.report(argument.loc, "chmod lets other users read a private key or secret", fixHint: "use 0o600")
        }
    }

    /// Words of a path's expression (or of the value its name was bound to) saying the file
    /// holds a secret: `private_key`, `key_dir / f"{selector}.private"`, `secrets.json`; a
    /// public key or certificate is meant to be read.
    static func namesSecretFile(_ path: Expr, context: RuleContext) -> Bool {
        var text = context.parsed.text(of: path.loc)
        if case .name(let id, _) = path.kind, let bound = context.parsed.module.onlyAssignment(of: id, inFunctionAround: path.loc.startByte) {
            text += " " + context.parsed.text(of: bound.loc)
        }
        let parts = Set(SecurityContext.nameParts(of: text.lowercased()))
        if !parts.isDisjoint(with: ["public", "pub", "cert", "crt", "certificate"]) { return false }
        return !parts.isDisjoint(with: ["private", "secret", "secrets", "credential", "credentials", "password", "passwd",
                                        "token", "tokens", "pem", "key", "keyfile", "id_rsa", "id_ed25519", "keystore"])
    }
}
