internal import CGit2
import Foundation

extension Repository {
    /// HEAD's tree against the index: exactly what the next commit will contain. Works on an
    /// unborn HEAD (every staged file is new) and reads the index git points at.
    public func stagedChanges() throws(GitError) -> [ChangedFile] {
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, pointer), "read the index")
        defer { git_index_free(index) }
        let headTree = try isHeadUnborn() ? nil : try tree(of: "HEAD")
        defer { git_tree_free(headTree) }
        var options = try diffOptions()
        var diff: OpaquePointer?
        try GitError.check(git_diff_tree_to_index(&diff, pointer, headTree, index, &options), "diff HEAD against the index")
        defer { git_diff_free(diff) }
        return try changedFiles(in: diff, wantLines: true)
    }

    /// The changes `to` makes on top of `from` (`git diff from to`).
    public func changes(from: String, to: String) throws(GitError) -> [ChangedFile] {
        let old = try tree(of: from)
        defer { git_tree_free(old) }
        let new = try tree(of: to)
        defer { git_tree_free(new) }
        var options = try diffOptions()
        var diff: OpaquePointer?
        try GitError.check(git_diff_tree_to_tree(&diff, pointer, old, new, &options), "diff \(from) against \(to)")
        defer { git_diff_free(diff) }
        return try changedFiles(in: diff, wantLines: true)
    }

    /// Every file of `spec`'s tree, as if added by the change.
    public func allFiles(at spec: String = "HEAD") throws(GitError) -> [ChangedFile] {
        let new = try tree(of: spec)
        defer { git_tree_free(new) }
        var options = try diffOptions()
        var diff: OpaquePointer?
        try GitError.check(git_diff_tree_to_tree(&diff, pointer, nil, new, &options), "list the files of \(spec)")
        defer { git_diff_free(diff) }
        return try changedFiles(in: diff, wantLines: false)
    }

    /// The merge base of two commits. In a shallow clone libgit2 fails when the walk reaches
    /// the shallow boundary; that is reported as such, with what to do.
    public func mergeBase(_ first: String, _ second: String) throws(GitError) -> String {
        var one = try commitID(first)
        var two = try commitID(second)
        var base = git_oid()
        let status = git_merge_base(&base, pointer, &one, &two)
        if status < 0 {
            let error = GitError.last("find the merge base of \(first) and \(second)", code: status)
            if isShallow {
                // libgit2 cannot walk past a shallow boundary, even when git can still see the
                // merge base there; this is the one documented place we ask the git CLI.
                if let base = Self.mergeBaseFromGitCLI(ObjectID(one).hex, ObjectID(two).hex, workingDirectory: workingDirectory ?? gitDirectory) {
                    return base
                }
                throw GitError(operation: error.operation, code: error.code, errorClass: error.errorClass,
                               message: "this is a shallow clone without the merge base; fetch more history (for example `git fetch --unshallow`, or fetch-depth: 0 in CI)")
            }
            throw error
        }
        return ObjectID(base).hex
    }

    /// `git merge-base A B` for two commit ids, run without a shell; nil when git is missing
    /// or finds none.
    static func mergeBaseFromGitCLI(_ first: String, _ second: String, workingDirectory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-base", first, second]
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count == 40 && text.allSatisfy(\.isHexDigit) ? text : nil
    }

    /// The bytes of a blob as stored (before any filters or line-ending conversion).
    public func blobContent(_ hex: String) throws(GitError) -> [UInt8] {
        var oid = git_oid()
        try GitError.check(git_oid_fromstr(&oid, hex), "parse object id \(hex)")
        var blob: OpaquePointer?
        try GitError.check(git_blob_lookup(&blob, pointer, &oid), "read blob \(hex)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    // MARK: - Helpers

    func commitID(_ spec: String) throws(GitError) -> git_oid {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, pointer, "\(spec)^{commit}"), "resolve '\(spec)' to a commit")
        defer { git_object_free(object) }
        guard let object, let id = git_object_id(object) else {
            throw GitError(operation: "resolve '\(spec)'", code: -1, errorClass: 0, message: "no object")
        }
        return id.pointee
    }

    /// The tree of the commit `spec` names; the caller frees it.
    func tree(of spec: String) throws(GitError) -> OpaquePointer? {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, pointer, "\(spec)^{tree}"), "resolve '\(spec)' to a tree")
        return object
    }

    private func diffOptions() throws(GitError) -> git_diff_options {
        var options = git_diff_options()
        try GitError.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "set up a diff")
        options.context_lines = 0
        options.interhunk_lines = 0
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        return options
    }

    private func changedFiles(in diff: OpaquePointer?, wantLines: Bool) throws(GitError) -> [ChangedFile] {
        var findOptions = git_diff_find_options()
        try GitError.check(git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "set up rename detection")
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_COPIES.rawValue
        if wantLines {
            try GitError.check(git_diff_find_similar(diff, &findOptions), "detect renames")
        }
        var files: [ChangedFile] = []
        let count = git_diff_num_deltas(diff)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index) else { continue }
            let status: ChangedFile.Status
            switch delta.pointee.status {
            case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: status = .added
            case GIT_DELTA_MODIFIED: status = .modified
            case GIT_DELTA_RENAMED: status = .renamed
            case GIT_DELTA_COPIED: status = .copied
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_TYPECHANGE: status = .typeChanged
            default: continue
            }
            let newFile = delta.pointee.new_file
            let oldFile = delta.pointee.old_file
            let path = newFile.path.map { String(cString: $0) } ?? ""
            let oldPath = oldFile.path.map { String(cString: $0) }
            var binary = (delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue) != 0
            var added: [ClosedRange<Int>] = []
            if status != .deleted {
                if wantLines && status != .added {
                    var patch: OpaquePointer?
                    try GitError.check(git_patch_from_diff(&patch, diff, index), "diff \(path)")
                    defer { git_patch_free(patch) }
                    if let patch {
                        binary = binary || (delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue) != 0
                        for hunkIndex in 0..<git_patch_num_hunks(patch) {
                            var hunk: UnsafePointer<git_diff_hunk>?
                            var lines = 0
                            try GitError.check(git_patch_get_hunk(&hunk, &lines, patch, hunkIndex), "read a hunk of \(path)")
                            // With no context lines a hunk's new side is exactly the added lines.
                            if let hunk, hunk.pointee.new_lines > 0 {
                                let start = Int(hunk.pointee.new_start)
                                added.append(start...(start + Int(hunk.pointee.new_lines) - 1))
                            }
                        }
                    } else {
                        binary = true
                    }
                } else {
                    added = [1...Int.max / 2]
                }
            }
            let file = status == .deleted ? oldFile : newFile
            files.append(ChangedFile(
                path: status == .deleted ? (oldPath ?? path) : path,
                oldPath: (status == .renamed || status == .copied) ? oldPath : nil,
                status: status,
                mode: ChangedFile.Mode(raw: UInt32(file.mode)),
                blobID: ObjectID(file.id).hex,
                size: Int(file.size),
                isBinary: binary,
                addedLines: added))
        }
        return files
    }
}
