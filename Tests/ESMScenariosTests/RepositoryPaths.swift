import Foundation

/// Paths inside this repository, found from this file's location so tests run from any folder.
enum RepositoryPaths {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func scenario(_ name: String) -> String { root + "/Scenarios/" + name }

    static let publishedFigures = root + "/Scenarios/published-figures.csv"
}
