import PythonSyntax

/// Untrusted data passed as an argument to a program started without a shell, where the
/// program may read it as an option (`--upload-pack=…`, `-oProxyCommand=…`): what Bandit's
/// B603 asks a reviewer to check, decided by the data flow.
struct ArgumentInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1088", name: "argument-injection-flow", cwe: 88, severity: .medium, confidence: .medium,
        rationale: """
        Without a shell no command can be injected, but a value from a request that starts with \
        a dash is read as an option by most programs (git clone --upload-pack=…, ssh \
        -oProxyCommand=…, tar --to-command=…). Put "--" before positional arguments, or check \
        the value against an allow-list or a pattern first: \
        subprocess.run(["git", "clone", "--", url, target]).
        """,
        triggering: [
            // An encoding name as the client wrote it.
            "import codecs\nimport subprocess\nfrom flask import request\n\n\ndef convert():\n    charenc = request.form[\"charenc\"]\n    ↓subprocess.run([\"ffmpeg\", \"-sub_charenc\", charenc, \"-i\", \"in.srt\", \"out.vtt\"], check=True)\n    return \"ok\"\n",
            // A check that lets through what the pattern refuses (`or`).
            "import re\nimport subprocess\nfrom flask import request\n\nARG_RE = re.compile(r\"^[A-Za-z0-9_.=-]{1,64}$\")\n\n\ndef build(args):\n    if not all(ARG_RE.match(a) or a.startswith(\"x\") for a in args):\n        raise ValueError(\"bad argument\")\n    return [\"/opt/maint/run.sh\", *args]\n\n\ndef maint():\n    cmd = build([str(a) for a in request.json[\"args\"]])\n    return str(↓subprocess.run(cmd, capture_output=True).returncode)\n",
            "import subprocess\nfrom flask import request\n\ndef ping():\n    host = request.args[\"host\"]\n    ↓subprocess.run([\"ping\", \"-c\", \"1\", host])\n",
            "import subprocess\nfrom flask import request\n\ndef clone():\n    ↓subprocess.check_call((\"git\", \"clone\", request.form[\"url\"], \"/srv/repo\"))\n",
            "import subprocess\nfrom flask import request\n\ndef log():\n    ↓subprocess.run([\"git\", \"log\", f\"--{request.args['opt']}\"])\n",
        ],
        nonTriggering: [
            // The registry's name for the codec (`codecs.lookup` raises for any other).
            "import codecs\nimport subprocess\nfrom flask import request\n\n\ndef convert():\n    charenc = codecs.lookup(request.form[\"charenc\"]).name\n    subprocess.run([\"ffmpeg\", \"-sub_charenc\", charenc, \"-i\", \"in.srt\", \"out.vtt\"], check=True)\n    return \"ok\"\n",
            // Each argument matched whole and refused with a leading dash, beside the pattern, in one `all(...)`.
            "import re\nimport subprocess\nfrom flask import request\n\nARG_RE = re.compile(r\"^[A-Za-z0-9_.=-]{1,64}$\")\n\n\ndef build(args):\n    if not all(ARG_RE.match(a) and not a.startswith(\"-\") for a in args):\n        raise ValueError(\"bad argument\")\n    return [\"/opt/maint/run.sh\", *args]\n\n\ndef maint():\n    cmd = build([str(a) for a in request.json[\"args\"]])\n    return str(subprocess.run(cmd, capture_output=True).returncode)\n",
            // A path under the program's own directory starts with that directory.
            "import subprocess\nfrom pathlib import Path\nfrom flask import request\nMEDIA_ROOT = Path(\"/srv/media\")\n\ndef probe():\n    subprocess.run([\"ffprobe\", str(MEDIA_ROOT / \"uploads\" / request.args[\"f\"])])\n",
            // After `--` every value is positional.
            "import subprocess\nfrom flask import request\n\ndef clone():\n    subprocess.run([\"git\", \"clone\", \"--\", request.args[\"url\"], \"/srv/repo\"])\n",
            // Checked against an allow-list first.
            "import subprocess\nfrom flask import request\nALLOWED = {\"status\", \"log\"}\n\ndef git():\n    cmd = request.args[\"cmd\"]\n    if cmd not in ALLOWED:\n        return \"no\"\n    return subprocess.check_output([\"git\", cmd])\n",
            // The operator's own command line: no attacker between them and the program.
            "import subprocess, sys\nsubprocess.run([\"wc\", \"-l\", sys.argv[1]])\n",
            // A number cannot start an option.
            "import subprocess\nfrom flask import request\n\ndef ping():\n    subprocess.run([\"ping\", \"-c\", str(int(request.args[\"n\"])), \"localhost\"])\n",
            // The value follows a fixed option name and `=`: it is that option's value.
            "import subprocess\nfrom flask import request\n\ndef log():\n    subprocess.run([\"git\", \"log\", f\"--author={request.args['who']}\"])\n",
            // A path under a fixed directory starts with "/", never with a dash.
            "import os, subprocess\nfrom flask import request\nUPLOADS = \"/srv/uploads\"\n\ndef thumb():\n    src = os.path.join(UPLOADS, request.args[\"name\"])\n    subprocess.run([\"convert\", src, \"out.png\"])\n",
            // `--title` takes the text that follows as its value.
            "import subprocess\nfrom flask import request\n\ndef pdf():\n    subprocess.run([\"wkhtmltopdf\", \"--title\", request.form[\"title\"], \"in.html\", \"out.pdf\"])\n",
            // grep's `-e` takes the pattern that follows, a leading dash and all.
            "import subprocess\nfrom flask import request\n\ndef search(files):\n    command = [\"zgrep\", \"-il\", \"-e\", request.args[\"q\"], \"--\"] + files\n    subprocess.run(command)\n",
        ]
    )

    var sinkNoun: String { "a program's arguments (it may read the value as an option)" }

    /// The elements of a literal argument list past the program and before any `--`, in a
    /// call without a shell (with one, or naming a shell with `-c`, the value is a command:
    /// `CommandInjectionFlowRule`'s case).
    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        let elements: [Expr]
        if CommandInjectionFlowRule.processCalls.contains(call.qualifiedName) {
            if let shell = call.argument("shell", position: 8), shell.boolConstant != false, !shell.isNoneConstant { return [] }
            guard let command = call.argument("args", position: 0) else { return [] }
            switch command.kind {
            case .list(let items, _), .tuple(let items, _): elements = items
            default: return []
            }
        } else if call.qualifiedName == "asyncio.create_subprocess_exec" {
            elements = call.arguments
        } else {
            return []
        }
        return Self.optionableElements(elements)
    }

    /// The elements of a command list (program first) that could start an option: past the
    /// program and before any `--`, neither the value of a text option or a grep pattern nor
    /// text with a fixed start; none when the list runs a shell with `-c`.
    static func optionableElements(_ elements: [Expr]) -> [Expr] {
        guard elements.count > 1, CommandInjectionFlowRule.shellCommandFlag(elements) == nil else { return [] }
        let arguments = elements.dropFirst()
        let end = arguments.firstIndex { $0.stringConstant == "--" } ?? arguments.endIndex
        // `grep -e PATTERN`: the value after `-e` is the pattern, whatever its first character.
        let program = elements[0].stringConstant.map { String($0.split(separator: "/").last ?? "") }
        let patternFollows = program.map(Self.grepFamily.contains) ?? false
        return arguments[..<end].filter { argument in
            if let index = elements.firstIndex(where: { $0.loc == argument.loc }), index > 0,
               let option = elements[index - 1].stringConstant {
                if patternFollows, option == "-e" || option == "--regexp" { return false }
                if Self.textOptions.contains(option) { return false }
                // `--assignment NAME` of a program of the site's own (not one of the common
                // tools whose boolean flags are known to precede arguments: `git clone
                // --mirror URL`): the option's value.
                if option.hasPrefix("--"), option.count > 2, !option.contains("="),
                   !(program.map(Self.commonTools.contains) ?? false) { return false }
            }
            return !Self.startsFixed(argument)
        }
    }

    /// Long options that take the next argument as their value in every program that has
    /// them (`--title`, `--message`): a value there is read as text, whatever its first
    /// character. Not short ones, whose meaning changes from program to program.
    static let textOptions: Set<String> = [
        "--title", "--message", "--subject", "--comment", "--description", "--label", "--author", "--output", "--branch",
        "--host", "--hostname", "--user", "--username", "--dbname", "--port", "--name", "--tag", "--region", "--profile",
        "--format", "--file", "--config", "--remote", "--depth",
    ]

    /// Programs everyone runs whose long options include flags taking no value, so the
    /// argument after one is read on its own (and may be an option).
    static let commonTools: Set<String> = Set<String>([
        "git", "hg", "svn", "rsync", "scp", "ssh", "sftp", "curl", "wget", "tar", "zip", "unzip", "7z", "find", "xargs",
        "sendmail", "mail", "ffmpeg", "ffprobe", "convert", "magick", "gs", "pandoc", "wkhtmltopdf", "docker", "kubectl",
        "helm", "aws", "gcloud", "az", "psql", "mysql", "mysqldump", "pg_dump", "pg_restore", "openssl", "gpg", "npm", "pip",
        "python", "python3", "node", "ls", "cat", "cp", "mv", "rm", "chmod", "chown", "ln", "du", "df", "ping", "nmap", "dig",
        "nslookup", "whois", "traceroute", "lpr", "lp", "zint", "qpdf", "pdftk", "pdftotext", "soffice", "libreoffice",
    ]).union(grepFamily)

    static let grepFamily: Set<String> = ["grep", "egrep", "fgrep", "zgrep", "zegrep", "zfgrep", "rg", "xzgrep", "bzgrep"]

    /// A path joined under a directory the program fixes: `str(MEDIA_ROOT / "uploads" / name)`,
    /// `os.path.join(UPLOADS, name)`, `Path("/srv") / name` (a constant named in capitals, or
    /// text not starting with a dash): it starts with that directory, never with a dash.
    static func startsWithFixedDirectory(_ argument: Expr) -> Bool {
        var value = argument
        if case .call(let function, let arguments, _) = value.kind, arguments.count == 1,
           { switch function.kind { case .name("str", _): true; case .attribute(_, "fspath", _): true; default: false } }() {
            value = arguments[0]
        }
        func fixedDirectory(_ base: Expr) -> Bool {
            switch base.kind {
            case .name(let id, _): return id == id.uppercased() && id.contains(where: \.isLetter)
            case .call(let function, let arguments, _):
                guard case .name(let maker, _) = function.kind, maker == "Path" || maker == "PurePath", arguments.count == 1 else { return false }
                return arguments[0].stringConstant.map { !$0.isEmpty && !$0.hasPrefix("-") } ?? false
            default:
                return base.stringConstant.map { !$0.isEmpty && !$0.hasPrefix("-") } ?? false
            }
        }
        switch value.kind {
        case .binOp(var left, .div, _):
            while case .binOp(let inner, .div, _) = left.kind { left = inner }
            return fixedDirectory(left)
        case .call(let function, let arguments, _):
            guard case .attribute(let owner, "join", _) = function.kind, case .attribute(_, "path", _) = owner.kind,
                  let first = arguments.first, arguments.count > 1 else { return false }
            return fixedDirectory(first)
        default:
            return false
        }
    }

    /// An argument whose fixed start decides what it is: `f"--max-count={n}"` (an option's
    /// value after `=`) or `f"user={name}"` (no dash first): the value cannot make it an option.
    /// `f"-{flag}"` or `f"--{name}"` let the value pick the option.
    static func startsFixed(_ argument: Expr) -> Bool {
        if startsWithFixedDirectory(argument) { return true }
        guard let built = argument.builtString, built.isDynamic, let splice = built.text.firstIndex(of: "?") else { return false }
        let prefix = built.text[..<splice]
        return !prefix.isEmpty && (!prefix.hasPrefix("-") || prefix.contains("="))
    }
}
