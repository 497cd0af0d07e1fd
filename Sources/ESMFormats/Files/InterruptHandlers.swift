import Foundation

/// Ctrl-C and SIGTERM: remove the temporary files being written, then exit 130 or 143.
public enum InterruptHandlers {
    /// Installs the handlers. The registry of temporary files is created first: a
    /// handler that touched it first would create it inside the signal, allocating,
    /// which can abort with a malloc assertion when the signal lands inside malloc.
    public static func install() {
        TemporaryFiles.shared.prepare()
        signal(SIGINT) { _ in
            TemporaryFiles.shared.removeAll()
            _exit(130)
        }
        signal(SIGTERM) { _ in
            TemporaryFiles.shared.removeAll()
            _exit(143)
        }
    }
}
