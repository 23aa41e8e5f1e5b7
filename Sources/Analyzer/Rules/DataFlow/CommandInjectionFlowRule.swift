import PythonSyntax

/// Untrusted data that reaches a shell command or the program a process runs.
struct CommandInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1078", name: "command-injection-flow", cwe: 78, severity: .high, confidence: .high,
        rationale: """
        Data from a request, the command line, the environment, a socket or a file reaches a \
        command run by a shell (or names the program to run), so its sender can run commands. \
        Pass an argument list without a shell, quote with shlex.quote, or check the value \
        against an allow-list first.
        """,
        fixAvailable: true,
        triggering: [
            // A tuple joined: its values, not a mapping's keys.
            "import os\nfrom flask import request\n\n\ndef run():\n    parts = (\"ls\", request.args[\"d\"])\n    ↓os.system(\" \".join(parts))\n",
            "import os\nfrom flask import request\n\ndef ping():\n    host = request.args.get(\"host\")\n    ↓os.system(\"ping -c 1 \" + host)\n",
            "import subprocess, sys\n\ndef run(name):\n    ↓subprocess.call(f\"ls {name}\", shell=True)\n\nrun(sys.argv[1])\n",
            "import subprocess\n\ndef main():\n    program = input(\"program: \")\n    ↓subprocess.run([program, \"--version\"])\n",
            "import subprocess\nfrom flask import request\n\ndef sh():\n    return ↓subprocess.check_output([\"/bin/bash\", \"-c\", request.args[\"cmd\"]])\n",
        ],
        nonTriggering: [
            "import os, shlex\nfrom flask import request\n\ndef ping():\n    host = request.args.get(\"host\")\n    os.system(\"ping -c 1 \" + shlex.quote(host))\n",
            "import subprocess\nfrom flask import request\n\ndef ping():\n    subprocess.run([\"ping\", \"-c\", \"1\", request.args[\"host\"]])\n",
            "import os\nfrom flask import request\nALLOWED = {\"a\", \"b\"}\n\ndef ping():\n    host = request.args.get(\"host\")\n    if host not in ALLOWED:\n        return \"no\"\n    os.system(\"ping \" + host)\n",
            "import os\n\ndef clear():\n    os.system(\"clear\")\n",
            "import subprocess\nfrom flask import request\n\ndef sh():\n    return subprocess.check_output([\"bash\", \"script.sh\", request.args[\"name\"]])\n",
            // The operator's own settings choose the program: configuration, not injection.
            "import os, subprocess\nTOOL = os.environ.get(\"PDF_TOOL\", \"/usr/bin/wkhtmltopdf\")\n\ndef render(src, out):\n    subprocess.run([TOOL, \"--quiet\", src, out], check=True)\n",
            // A fixed program with more arguments added to its list.
            "import subprocess\nfrom flask import request\n\ndef grep(files):\n    command = [\"zgrep\", \"-F\", \"-e\", request.args[\"q\"], \"--\"] + files\n    subprocess.run(command)\n",
            "import os, subprocess\nfrom flask import request\nFFMPEG = os.environ.get(\"FFMPEG\", \"/opt/bin/ffmpeg\")\n\ndef thumb():\n    cmd = [FFMPEG, \"-i\", os.path.join(\"/tmp/w\", request.args[\"f\"]), \"out.jpg\"]\n    subprocess.run(cmd)\n",
        ]
    )

    var sinkNoun: String { "a command" }

    static let shellCalls: Set<String> = [
        "os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "commands.getoutput", "commands.getstatusoutput",
        "subprocess.getoutput", "subprocess.getstatusoutput", "asyncio.create_subprocess_shell", "pty.spawn",
    ]
    static let processCalls: Set<String> = ["subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run"]

    static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "fish", "ash", "busybox", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh"]

    /// Index of the `-c` (`/c`, `-Command`) of an argument list that starts a shell on a
    /// command string.
    static func shellCommandFlag(_ elements: [Expr]) -> Int? {
        guard let program = elements.first?.stringConstant else { return nil }
        let base = program.split(separator: "/").last.map { $0.split(separator: "\\").last ?? $0 }.map(String.init) ?? program
        guard shells.contains(base.lowercased()) else { return nil }
        return elements.indices.dropFirst().first { index in
            guard let flag = elements[index].stringConstant else { return false }
            return ["-c", "/c", "-command", "-lc", "-ic"].contains(flag.lowercased())
        }
    }

    /// A process started without a shell runs what its operator could run by hand: a program
    /// or argument from the command line or the environment is configuration, not injection
    /// (through a shell it still is: it can splice further commands).
    func operatorDataIsHarmless(in call: CallSite) -> Bool {
        let name = call.qualifiedName
        guard Self.processCalls.contains(name) || name == "asyncio.create_subprocess_exec" else { return false }
        return call.argument("shell", position: 8).map { $0.boolConstant == false || $0.isNoneConstant } ?? true
    }

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        let name = call.qualifiedName
        if Self.shellCalls.contains(name) { return SinkMatching.first(call, keyword: "cmd") }
        if name.hasPrefix("os.exec") || name.hasPrefix("os.spawn") || name == "os.startfile" {
            return call.allArgumentExpressions
        }
        if Self.processCalls.contains(name) || name == "asyncio.create_subprocess_exec" {
            let shell = call.argument("shell", position: 8).map { $0.boolConstant != false && !$0.isNoneConstant } ?? false
            // `subprocess.call(*args, shell=True)`: the command is somewhere in what is spread.
            if shell, let spread = call.arguments.first, case .starred = spread.kind { return [spread] }
            guard let command = call.argument("args", position: 0) else { return [] }
            if shell { return [command] }
            // Without a shell only the program itself is dangerous, unless the program is a
            // shell told to run the command string that follows (`["sh", "-c", cmd]`).
            switch command.kind {
            case .list(let elements, _), .tuple(let elements, _):
                if let flag = Self.shellCommandFlag(elements) { return [elements[0]] + elements[(flag + 1)...] }
                return elements.first.map { [$0] } ?? []
            // `["grep", "-e", term] + files`: the program is the list's first element.
            case .binOp(let left, .add, _):
                guard case .list(let elements, _) = left.kind, let first = elements.first, Self.shellCommandFlag(elements) == nil else { return [command] }
                return [first]
            default:
                return [command]
            }
        }
        if SinkMatching.method(call) == "exec_command", imports.imports("paramiko") { return SinkMatching.first(call, keyword: "command") }
        return []
    }
}
