internal import CGit2
import Foundation

extension Repository {
    /// A file's new content for a commit built in memory.
    public struct FileUpdate: Sendable {
        public var path: String
        public var content: [UInt8]
        public init(path: String, content: [UInt8]) {
            self.path = path
            self.content = content
        }
    }

    /// The tree of the index as a commit on top of HEAD (or a root commit on an unborn HEAD):
    /// "what the next commit would be". Writes objects only; the index file, HEAD and the
    /// working tree are not touched.
    public func commitOfIndex(message: String) throws(GitError) -> String {
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, pointer), "read the index")
        defer { git_index_free(index) }
        var treeID = git_oid()
        try GitError.check(git_index_write_tree(&treeID, index), "write the index's tree")
        let parents = try isHeadUnborn() ? [] : [try resolveCommit("HEAD")]
        return try createCommit(treeID: treeID, parents: parents, message: message)
    }

    /// A commit whose tree is `base`'s tree with `updates` applied (file modes kept, new files
    /// as plain blobs) and whose parent is `base`. Nothing but objects is written.
    public func commit(updating updates: [FileUpdate], onto base: String, message: String) throws(GitError) -> String {
        var baseOID = try commitID(base)
        var commit: OpaquePointer?
        try GitError.check(git_commit_lookup(&commit, pointer, &baseOID), "read commit \(base)")
        defer { git_commit_free(commit) }
        var baseTree: OpaquePointer?
        try GitError.check(git_commit_tree(&baseTree, commit), "read the tree of \(base)")
        defer { git_tree_free(baseTree) }

        var blobIDs: [git_oid] = []
        var modes: [git_filemode_t] = []
        for update in updates {
            var blob = git_oid()
            let status = update.content.withUnsafeBytes { git_blob_create_from_buffer(&blob, pointer, $0.baseAddress, $0.count) }
            try GitError.check(status, "write the new content of \(update.path)")
            blobIDs.append(blob)
            // Keep the executable bit: upserting as a plain blob would drop it.
            var entry: OpaquePointer?
            if git_tree_entry_bypath(&entry, baseTree, update.path) == 0, let entry {
                modes.append(git_tree_entry_filemode(entry))
                git_tree_entry_free(entry)
            } else {
                git_error_clear()
                modes.append(GIT_FILEMODE_BLOB)
            }
        }
        let paths = updates.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var treeUpdates = (0..<updates.count).map { index in
            git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: blobIDs[index], filemode: modes[index], path: paths[index])
        }
        var treeID = git_oid()
        try GitError.check(git_tree_create_updated(&treeID, pointer, baseTree, treeUpdates.count, &treeUpdates), "build the fixed tree")
        return try createCommit(treeID: treeID, parents: [ObjectID(baseOID).hex], message: message)
    }

    /// Points `refs/heads/<branch>` at `commit`, creating or moving it; one atomic ref update.
    public func setBranch(_ branch: String, to commit: String, logMessage: String) throws(GitError) {
        var oid = git_oid()
        try GitError.check(git_oid_fromstr(&oid, commit), "parse commit id \(commit)")
        var reference: OpaquePointer?
        try GitError.check(git_reference_create(&reference, pointer, "refs/heads/\(branch)", &oid, 1, logMessage), "update branch \(branch)")
        git_reference_free(reference)
    }

    /// The commit a branch points at, or nil when it does not exist.
    public func branchTip(_ branch: String) -> String? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, pointer, "refs/heads/\(branch)") == 0 else {
            git_error_clear()
            return nil
        }
        return ObjectID(oid).hex
    }

    /// The tree id of a commit, to compare two commits' content.
    public func treeID(of commit: String) throws(GitError) -> String {
        var oid = try commitID(commit)
        var object: OpaquePointer?
        try GitError.check(git_commit_lookup(&object, pointer, &oid), "read commit \(commit)")
        defer { git_commit_free(object) }
        guard let id = git_commit_tree_id(object) else { throw GitError(operation: "read \(commit)", code: -1, errorClass: 0, message: "no tree") }
        return ObjectID(id.pointee).hex
    }

    private func createCommit(treeID: git_oid, parents: [String], message: String) throws(GitError) -> String {
        var treeID = treeID
        var tree: OpaquePointer?
        try GitError.check(git_tree_lookup(&tree, pointer, &treeID), "read the new tree")
        defer { git_tree_free(tree) }
        var parentCommits: [OpaquePointer?] = []
        defer { parentCommits.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = try commitID(parent)
            var commit: OpaquePointer?
            try GitError.check(git_commit_lookup(&commit, pointer, &oid), "read commit \(parent)")
            parentCommits.append(commit)
        }
        // A fixed identity: CI machines often have no user.name, and these commits are the tool's.
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(git_signature_now(&signature, "AutoSafeCoder", "autosafecoder@localhost"), "create a signature")
        defer { git_signature_free(signature) }
        var commitID = git_oid()
        let status = parentCommits.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, pointer, nil, signature, signature, "UTF-8", message, tree, buffer.count, buffer.baseAddress)
        }
        try GitError.check(status, "create a commit")
        return ObjectID(commitID).hex
    }
}

extension Repository {
    /// Writes the files of a commit's tree into `directory` (which must be empty or absent):
    /// a checkout that touches neither the repository's working tree nor its index. Modes are
    /// kept (the executable bit, symlinks); submodules are left out.
    public func export(_ commit: String, to directory: String) throws(GitError) {
        let files = try allFiles(at: commit)
        let manager = FileManager.default
        for file in files {
            let target = (directory as NSString).appendingPathComponent(file.path)
            let parent = (target as NSString).deletingLastPathComponent
            do {
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                switch file.mode {
                case .submodule:
                    continue
                case .symlink:
                    let destination = String(decoding: try blobContent(file.blobID), as: UTF8.self)
                    try manager.createSymbolicLink(atPath: target, withDestinationPath: destination)
                default:
                    try Data(try blobContent(file.blobID)).write(to: URL(fileURLWithPath: target))
                    if file.mode == .executable { try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target) }
                }
            } catch let error as GitError {
                throw error
            } catch {
                throw GitError(operation: "export \(file.path)", code: -1, errorClass: 0, message: error.localizedDescription)
            }
        }
    }
}
