internal import CGit2
import Foundation

extension Repository {
    /// A configuration value as git resolves it (local, global, system), or nil when unset.
    public func configPath(_ key: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, pointer), "read the configuration")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let status = git_config_get_path(&buffer, config, key)
        if status == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(status, "read \(key)")
        guard let text = buffer.ptr else { return nil }
        return String(cString: text)
    }

    /// The directory git runs hooks from: `core.hooksPath` (relative to the working tree)
    /// when set, else the hooks directory of the common git dir (shared by linked worktrees).
    public func hooksDirectory() throws(GitError) -> String {
        if let configured = try configPath("core.hooksPath"), !configured.isEmpty {
            if configured.hasPrefix("/") { return configured }
            let base = workingDirectory ?? gitDirectory
            return URL(fileURLWithPath: base).appendingPathComponent(configured).standardizedFileURL.path
        }
        let common = String(cString: git_repository_commondir(pointer))
        return URL(fileURLWithPath: common).appendingPathComponent("hooks").standardizedFileURL.path
    }
}
