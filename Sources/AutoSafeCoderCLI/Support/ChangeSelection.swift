import ArgumentParser

/// Which code to judge: staged changes, a commit range, changes since a merge base,
/// the whole HEAD tree, or plain paths. Shared by `scan` and `fix`.
struct ChangeSelection: ParsableArguments {
    @Flag(help: "HEAD's tree against the index: what the next commit will contain (pre-commit).")
    var staged = false

    @Option(help: ArgumentHelp("Commits in A..B: the changes B makes on top of A.", valueName: "A..B"))
    var range: String?

    @Option(help: ArgumentHelp("Changes since the merge base of REF and HEAD (pull-request gate).", valueName: "ref"))
    var base: String?

    @Flag(help: "Every Python file in HEAD's tree.")
    var all = false

    @Argument(help: ArgumentHelp("Files or directories to scan without git.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        let modes = [staged, range != nil, base != nil, all, !paths.isEmpty].filter { $0 }.count
        guard modes <= 1 else {
            throw ValidationError("choose one of --staged, --range, --base, --all or paths")
        }
        if let range, range.components(separatedBy: "..").count != 2 || range.hasPrefix("..") || range.hasSuffix("..") || range.contains("...") {
            throw ValidationError("--range expects A..B, for example main..feature")
        }
    }

    enum Mode: Equatable {
        case staged
        case range(from: String, to: String)
        case base(String)
        case all
        case paths([String])
    }

    /// The chosen mode; with nothing chosen, the staged changes (the hook's default).
    var mode: Mode {
        if let range {
            let parts = range.components(separatedBy: "..")
            return .range(from: parts[0], to: parts[1])
        }
        if let base { return .base(base) }
        if all { return .all }
        if !paths.isEmpty { return .paths(paths) }
        return .staged
    }
}
