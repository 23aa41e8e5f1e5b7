import Diagnostics
import Foundation
import LibGit
import PolicyKit

/// What to judge: staged changes, a commit range, the changes since a merge base, HEAD's
/// whole tree, or plain paths on disk.
public enum SelectionMode: Sendable, Equatable {
    case staged
    case range(from: String, to: String)
    case base(String)
    case all
    case paths([String])

    public var usesGit: Bool {
        if case .paths = self { return false }
        return true
    }
}

/// The files chosen for a scan, and those skipped with their reason.
public struct Selection: Sendable {
    public var files: [SourceFile] = []
    public var skipped: [SkipReason: [String]] = [:]
    /// The repository's working directory, for git modes.
    public var repositoryRoot: String?
    /// The commit the change sits on (for `fix` and reports), when there is one.
    public var baseDescription: String = ""

    public init() {}

    mutating func skip(_ path: String, _ reason: SkipReason) { skipped[reason, default: []].append(path) }
}

/// A problem with the user's input to a selection: a path that does not exist, a bad ref.
public struct SelectionError: ToolError {
    public var message: String
    public init(message: String) { self.message = message }
    public var exitStatus: ExitStatus { .badInput }
    public var description: String { "error: \(message)" }
}

public enum FileSelector {
    /// Chooses files through libgit2 (never a `git` subprocess) or from disk.
    public static func select(_ mode: SelectionMode, analyzer: Policy.Analyzer, repository: Repository?) throws -> Selection {
        let filter = PathFilter(include: analyzer.include, exclude: analyzer.exclude)
        let limit = analyzer.maxFileSizeKB * 1024
        switch mode {
        case .paths(let paths):
            return try selectPaths(paths, filter: filter, limit: limit)
        case .staged, .range, .base, .all:
            guard let repository else { throw SelectionError(message: "not in a git repository") }
            var selection = Selection()
            selection.repositoryRoot = repository.workingDirectory
            let changes: [ChangedFile]
            switch mode {
            case .staged:
                changes = try repository.stagedChanges()
                selection.baseDescription = try repository.isHeadUnborn() ? "the first commit" : "HEAD"
            case .range(let from, let to):
                changes = try repository.changes(from: from, to: to)
                selection.baseDescription = "\(from)..\(to)"
            case .base(let ref):
                let base = try repository.mergeBase(ref, "HEAD")
                changes = try repository.changes(from: base, to: "HEAD")
                selection.baseDescription = "merge base of \(ref) and HEAD (\(base.prefix(12)))"
            default:
                changes = try repository.allFiles()
                selection.baseDescription = "HEAD"
            }
            for change in changes.sorted(by: { $0.path < $1.path }) {
                try add(change, from: repository, filter: filter, limit: limit, wholeFile: mode == .all, to: &selection)
            }
            return selection
        }
    }

    private static func add(_ change: ChangedFile, from repository: Repository, filter: PathFilter, limit: Int,
                            wholeFile: Bool, to selection: inout Selection) throws {
        let path = change.path
        let namedPython = path.hasSuffix(".py") || path.hasSuffix(".pyi")
        switch change.mode {
        case .submodule: if namedPython { selection.skip(path, .submodule) }; return
        case .symlink: if namedPython { selection.skip(path, .symlink) }; return
        default: break
        }
        if change.status == .deleted {
            if namedPython { selection.skip(path, .deleted) }
            return
        }
        if change.size > limit {
            if namedPython { selection.skip(path, .tooLarge) }
            return
        }
        let bytes = try repository.blobContent(change.blobID)
        if bytes.count > limit {
            if namedPython { selection.skip(path, .tooLarge) }
            return
        }
        guard PythonFileKind.isPython(path: path, head: bytes.prefix(128)) else { return }
        if change.isBinary || PythonFileKind.looksBinary(bytes) {
            selection.skip(path, .binary)
            return
        }
        guard filter.admits(path) else {
            selection.skip(path, .excluded)
            return
        }
        selection.files.append(SourceFile(path: path, bytes: bytes, addedLines: wholeFile ? nil : change.addedLines))
    }

    private static func selectPaths(_ paths: [String], filter: PathFilter, limit: Int) throws -> Selection {
        // Every candidate first (a directory's files in sorted order), then each examined and
        // read on all cores; what they yield is taken in that order, so the selection (and the
        // first error) is the same as one file after another.
        var candidates: [(path: String, explicit: Bool)] = []
        let manager = FileManager.default
        for given in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: given, isDirectory: &isDirectory) else {
                throw SelectionError(message: "\(given): no such file or directory")
            }
            if isDirectory.boolValue {
                candidates += DiskFiles.regularFiles(under: given).map { ($0, false) }
            } else {
                candidates.append((given, true))
            }
        }
        let outcomes = concurrentMap(candidates) { examine($0.path, explicit: $0.explicit, filter: filter, limit: limit) }
        var selection = Selection()
        for outcome in outcomes {
            switch outcome {
            case .file(let file): selection.files.append(file)
            case .skipped(let path, let reason): selection.skip(path, reason)
            case .passedOver: break
            case .failed(let error): throw error
            }
        }
        return selection
    }

    /// What one path on disk adds to a selection.
    enum DiskOutcome: Sendable {
        case file(SourceFile)
        case skipped(String, SkipReason)
        /// Not Python and not named by the user: not counted.
        case passedOver
        case failed(SelectionError)
    }

    private static func examine(_ path: String, explicit: Bool, filter: PathFilter, limit: Int) -> DiskOutcome {
        let normalised = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        // A path given by name is followed if it is a link; links met in a directory are not.
        guard let status = DiskFiles.status(path, followingLinks: explicit) else {
            return .failed(SelectionError(message: "\(path): cannot read the file"))
        }
        // Links met in a directory are passed over; a device or FIFO could block a read.
        guard status.kind == .regular else {
            return explicit ? .skipped(normalised, .notPython) : .passedOver
        }
        let size = status.size
        let namedPython = path.hasSuffix(".py") || path.hasSuffix(".pyi")
        if size > limit {
            return namedPython || explicit ? .skipped(normalised, .tooLarge) : .passedOver
        }
        // Only a shebang makes a file of another name Python: read its first line, not the whole
        // file (a directory of data files would otherwise be read in full, one by one).
        if !namedPython {
            guard let head = DiskFiles.read(path, limit: 128) else {
                return .failed(SelectionError(message: "\(path): cannot read the file"))
            }
            guard PythonFileKind.isPython(path: path, head: head) else {
                return explicit ? .skipped(normalised, .notPython) : .passedOver
            }
        }
        guard let bytes = DiskFiles.read(path) else {
            return .failed(SelectionError(message: "\(path): cannot read the file"))
        }
        if PythonFileKind.looksBinary(bytes) { return .skipped(normalised, .binary) }
        guard filter.admits(normalised) else { return .skipped(normalised, .excluded) }
        return .file(SourceFile(path: normalised, bytes: bytes, addedLines: nil))
    }
}
