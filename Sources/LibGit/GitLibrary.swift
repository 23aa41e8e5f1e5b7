internal import CGit2
internal import CShim
import Synchronization

/// libgit2's global state, initialised once for the process.
enum GitLibrary {
    private static let initialised = Mutex(false)

    /// Initialises libgit2 once. Owner validation is turned off because the tool only reads
    /// a repository the user pointed it at (running as root on a CI checkout owned by
    /// another user is common, and libgit2 1.5 ignores `safe.directory = *`).
    static func ensureInitialised() {
        initialised.withLock { done in
            guard !done else { return }
            _ = git_libgit2_init()
            _ = cshim_git_set_owner_validation(0)
            done = true
        }
    }
}
