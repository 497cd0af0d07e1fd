import Foundation

/// A file written piece by piece, for outputs too large to hold as one string: the pieces
/// go to a temporary file beside the path, which `commit` renames over it, so a reader
/// (or an interrupted or failed run) never sees a half-written file.
public final class StreamedFile {
    /// Where the file ends up.
    public let path: String
    private let temporary: String
    private let folder: String
    private var stream: UnsafeMutablePointer<FILE>?

    /// Opens the temporary file, creating `path`'s folder as needed.
    public init(path: String) throws(AtomicFile.WriteError) {
        let (folder, temporary) = try AtomicFile.prepare(path)
        self.path = path
        self.folder = folder.path
        self.temporary = temporary.path
        TemporaryFiles.shared.register(self.temporary)
        stream = fopen(self.temporary, "wb")
        if stream == nil {
            TemporaryFiles.shared.unregister(self.temporary)
            throw AtomicFile.WriteError(path: path, reason: errno == ENOSPC ? AtomicFile.spaceReason : AtomicFile.systemReason(for: self.folder))
        }
    }

    deinit { abandon() }

    /// Appends `text`'s UTF-8 bytes.
    public func write(_ text: String) throws(AtomicFile.WriteError) {
        var copy = text
        let failure = copy.withUTF8 { bytes -> AtomicFile.WriteError? in
            do throws(AtomicFile.WriteError) { try write(bytes: bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Appends bytes as they are.
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws(AtomicFile.WriteError) {
        guard let stream else { throw AtomicFile.WriteError(path: path, reason: "the file was already closed") }
        if fwrite(bytes.baseAddress, 1, bytes.count, stream) != bytes.count { throw failure() }
    }

    /// Flushes the file and renames it over `path`.
    public func commit() throws(AtomicFile.WriteError) {
        guard let stream else { throw AtomicFile.WriteError(path: path, reason: "the file was already closed") }
        self.stream = nil
        let flushed = fflush(stream) == 0
        let error = failure()
        let closed = fclose(stream) == 0
        guard flushed && closed else {
            discard()
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw AtomicFile.WriteError(path: path, reason: reason)
        }
        TemporaryFiles.shared.unregister(temporary)
    }

    /// Closes and removes the temporary file; `path` is left as it was.
    public func abandon() {
        guard let stream else { return }
        self.stream = nil
        fclose(stream)
        discard()
    }

    private func discard() {
        unlink(temporary)
        TemporaryFiles.shared.unregister(temporary)
    }

    /// The write error `errno` describes ("No space left on device").
    private func failure() -> AtomicFile.WriteError {
        AtomicFile.WriteError(path: path, reason: errno == 0 ? "the write failed" : AtomicFile.reason(forErrno: errno))
    }
}
