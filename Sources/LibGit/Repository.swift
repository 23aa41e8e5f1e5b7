internal import CGit2
import Foundation

/// An open git repository. Owns the `git_repository*` and frees it on deinit.
///
/// libgit2 handles are not safe to share between threads at once; one `Repository`
/// belongs to one task at a time.
public final class Repository: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Opens the repository the way git itself would from a hook: honouring
    /// `GIT_DIR`, `GIT_INDEX_FILE` and the rest of git's environment, which
    /// `git commit -a` and `git commit PATH` use to point at a temporary index.
    public static func openFromEnvironment() throws(GitError) -> Repository {
        GitLibrary.ensureInitialised()
        var repository: OpaquePointer?
        let status = git_repository_open_ext(&repository, nil, UInt32(GIT_REPOSITORY_OPEN_FROM_ENV.rawValue), nil)
        try GitError.check(status, "open the repository from git's environment")
        guard let repository else { throw GitError(operation: "open the repository", code: -1, errorClass: 0, message: "libgit2 returned no repository") }
        return Repository(pointer: repository)
    }

    /// Opens the repository containing `path`, searching parent directories.
    public static func open(containing path: String) throws(GitError) -> Repository {
        GitLibrary.ensureInitialised()
        var repository: OpaquePointer?
        let status = git_repository_open_ext(&repository, path, 0, nil)
        if status == GIT_ENOTFOUND.rawValue {
            throw GitError(operation: "open a repository at '\(path)'", code: status, errorClass: 6,
                           message: "not a git repository (or any of the parent directories)")
        }
        try GitError.check(status, "open a repository at '\(path)'")
        guard let repository else { throw GitError(operation: "open '\(path)'", code: -1, errorClass: 0, message: "libgit2 returned no repository") }
        return Repository(pointer: repository)
    }

    /// Creates a new repository (used by tests and the demo).
    public static func initialise(at path: String, bare: Bool = false) throws(GitError) -> Repository {
        GitLibrary.ensureInitialised()
        var repository: OpaquePointer?
        try GitError.check(git_repository_init(&repository, path, bare ? 1 : 0), "initialise a repository at '\(path)'")
        guard let repository else { throw GitError(operation: "initialise '\(path)'", code: -1, errorClass: 0, message: "libgit2 returned no repository") }
        return Repository(pointer: repository)
    }

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_repository_free(pointer) }

    /// The working directory, or nil for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(pointer).map { String(cString: $0) }
    }

    /// The `.git` directory (for a linked worktree, its own gitdir).
    public var gitDirectory: String {
        String(cString: git_repository_path(pointer))
    }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// True before the first commit, when HEAD names a branch that does not exist yet.
    public func isHeadUnborn() throws(GitError) -> Bool {
        let status = git_repository_head_unborn(pointer)
        try GitError.check(status, "read HEAD")
        return status == 1
    }

    public func isHeadDetached() throws(GitError) -> Bool {
        let status = git_repository_head_detached(pointer)
        try GitError.check(status, "read HEAD")
        return status == 1
    }

    /// The full id of the commit `spec` names (`HEAD`, a branch, `main~2`, ...).
    public func resolveCommit(_ spec: String) throws(GitError) -> String {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, pointer, "\(spec)^{commit}"), "resolve '\(spec)' to a commit")
        defer { git_object_free(object) }
        guard let object, let oid = git_object_id(object) else {
            throw GitError(operation: "resolve '\(spec)'", code: -1, errorClass: 0, message: "no object")
        }
        return ObjectID(oid.pointee).hex
    }
}

/// A git object id as hex text.
struct ObjectID {
    let raw: git_oid
    init(_ raw: git_oid) { self.raw = raw }

    var hex: String {
        var copy = raw
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        let count = buffer.count
        _ = buffer.withUnsafeMutableBufferPointer { git_oid_tostr($0.baseAddress, count, &copy) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
