/// The standard-library calls that start processes, grouped by how they run the command;
/// shared by the command-injection rules so they agree on what a process call is.
enum ProcessCalls {
    /// `subprocess` functions whose `shell` argument decides whether a shell runs.
    static let subprocess: Set<String> = [
        "subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run",
    ]
    /// Position of `shell` in those functions' signatures.
    static let shellPosition = 8

    /// Calls that always hand their command string to a shell.
    static let shell: Set<String> = [
        "os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "popen2.popen2", "popen2.popen3", "popen2.popen4",
        "popen2.Popen3", "popen2.Popen4", "commands.getoutput", "commands.getstatusoutput", "subprocess.getoutput",
        "subprocess.getstatusoutput",
    ]

    /// `os` calls that start a program directly, with the position of the program path.
    static let noShell: [String: Int] = {
        var table: [String: Int] = ["os.startfile": 0, "os.posix_spawn": 0, "os.posix_spawnp": 0]
        for suffix in ["l", "le", "lp", "lpe", "v", "ve", "vp", "vpe"] {
            table["os.exec" + suffix] = 0
            table["os.spawn" + suffix] = 1
        }
        return table
    }()

    /// The `shell` argument of a subprocess call, when it is on: anything but an absent,
    /// `False`, `None` or `0` value.
    static func shellEnabled(_ call: CallSite) -> Bool {
        guard let shell = call.argument("shell", position: shellPosition) else { return false }
        return shell.boolConstant != false && !shell.isNoneConstant && shell.intConstant != 0
    }
}
