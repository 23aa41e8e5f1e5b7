import PythonSyntax

/// B601: paramiko `exec_command` runs a shell command on the remote host.
struct ParamikoExecCommandRule: Rule {
    static let description = RuleDescription(
        code: "ASC601", name: "paramiko-exec-command", banditID: "B601", cwe: 78, severity: .medium, confidence: .medium,
        rationale: """
        SSHClient.exec_command hands its string to the remote user's shell, so interpolated \
        values can run extra commands there. Quote every value with shlex.quote, or better, run \
        a fixed command and send data on stdin.
        """,
        triggering: [
            "import paramiko\nclient = paramiko.SSHClient()\nclient.exec_command(↓\"ls \" + path)\n",
            "from paramiko import SSHClient\nstdin, stdout, stderr = ssh.exec_command(↓cmd)\n",
            "import paramiko\ndef run_remote(client, command):\n    return client.exec_command(↓command)\nrun_remote(client, \"uptime\")\nrun_remote(client, input())\n",
        ],
        nonTriggering: [
            "import paramiko\nclient.exec_command(\"uptime\")\n",  // a constant command
            "client.exec_command(cmd)\n",  // no paramiko in this file
            "import paramiko, shlex\nclient.exec_command(\"ls \" + shlex.quote(path))\n",
            // a helper every call of which passes a fixed command
            "import paramiko\ndef run_remote(client, command):\n    return client.exec_command(command)\nrun_remote(client, \"uptime\")\nrun_remote(client, command=\"df -h\")\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredImports: [String] { ["paramiko"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "exec_command",
              case .call(_, let arguments, let keywords) = expression.kind, context.imports.imports("paramiko"),
              let command = keywords.first(where: { $0.arg == "command" })?.value ?? arguments.first,
              !context.isFixedText(command, also: [.shellQuoted, .numbers]) else { return }
        context.report(command.loc, "paramiko exec_command runs a non-constant command through the remote shell",
                       fixHint: "quote values with shlex.quote")
    }
}
