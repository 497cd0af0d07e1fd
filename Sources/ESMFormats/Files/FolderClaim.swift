import Foundation

/// An output folder claimed by this process for as long as it writes there, so two runs
/// writing one folder take turns instead of leaving a mix of both runs' files.
///
/// The claim is an exclusive `flock` on a hidden lock file in the folder: the kernel
/// releases it when the process ends, however it ends, so a killed run never leaves a
/// stale claim behind. The holder removes the lock file when it is done, so finished
/// folders hold only outputs; a waiter that wakes on a removed file starts over on the
/// new one, so two processes never both hold the folder.
public final class FolderClaim {
    /// The lock file's name inside a claimed folder.
    public static let lockFileName = ".esmsim.lock"
    /// The claimed folder.
    public let folder: String
    /// Whether the claim created the folder, which a failed write then removes if it left it empty.
    public let createdFolder: Bool
    private var descriptor: Int32 = -1
    private let lockPath: String

    /// Claims `folder`, creating it as needed; when another process holds it, calls
    /// `waiting` once and waits for that process to finish.
    public init(_ folder: String, waiting: (String) -> Void = { _ in }) throws(AtomicFile.WriteError) {
        self.folder = folder
        if let obstacle = OutputTarget.obstacle(toFolder: folder) { throw AtomicFile.WriteError(path: folder, reason: obstacle) }
        createdFolder = !FileManager.default.fileExists(atPath: folder)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            let reason = AtomicFile.obstacle(to: URL(fileURLWithPath: folder)) ?? AtomicFile.describe(error)
            throw AtomicFile.WriteError(path: folder, reason: "cannot create folder \(folder): \(reason)")
        }
        lockPath = folder + "/" + Self.lockFileName
        var announced = false
        while true {
            let candidate = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard candidate >= 0 else {
                throw AtomicFile.WriteError(path: folder, reason: "cannot claim the folder: \(AtomicFile.reason(forErrno: errno))")
            }
            if flock(candidate, LOCK_EX | LOCK_NB) != 0 {
                if !announced { waiting("esmsim: another esmsim process is writing \(folder); waiting for it to finish") }
                announced = true
                while flock(candidate, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = AtomicFile.reason(forErrno: errno)
                        close(candidate)
                        throw AtomicFile.WriteError(path: folder, reason: "cannot claim the folder: \(reason)")
                    }
                }
            }
            // The previous holder may have removed the file while this process waited on it.
            var held = stat(), named = stat()
            if fstat(candidate, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                descriptor = candidate
                // An interrupt removes the lock file with the temporary files; the kernel drops the lock itself.
                TemporaryFiles.shared.register(lockPath)
                return
            }
            close(candidate)
        }
    }

    deinit { release() }

    /// Gives the folder up; the next waiting run proceeds.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(lockPath)
        TemporaryFiles.shared.unregister(lockPath)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Runs `body` with `folder` claimed.
    public static func whileClaiming<Value>(
        _ folder: String, waiting: (String) -> Void = { _ in }, _ body: () throws(AtomicFile.WriteError) -> Value
    ) throws(AtomicFile.WriteError) -> Value {
        let claim = try FolderClaim(folder, waiting: waiting)
        defer { claim.release() }
        do {
            return try body()
        } catch {
            // A write that failed before its first file leaves no folder behind it either
            // (rmdir removes only an empty one).
            claim.release()
            if claim.createdFolder { rmdir(folder) }
            throw error
        }
    }
}
