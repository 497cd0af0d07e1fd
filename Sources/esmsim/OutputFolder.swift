import ESMFormats
import ESMScenarios
import Foundation

/// Writes a command's output files into a folder, atomically, saying what it wrote.
enum OutputFolder {
    /// Writes `files` into `folder`; a failed write is reported and gives exit code 1.
    static func write(_ files: [(name: String, text: String)], into folder: String) -> ExitCode {
        for file in files {
            let path = folder + "/" + file.name
            do {
                try AtomicFile.write(file.text, to: path)
                Console.out("wrote \(path)")
            } catch {
                Console.error("esmsim: \(error.description)")
                return .failure
            }
        }
        return .success
    }

    /// `Results/<file name without extension>`, the default folder for a file's outputs.
    static func defaultFolder(for file: String) -> String {
        "Results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}
