import Foundation
import StromaDomain

/// The curated knowledge base: vocabularies and evidence records, each with provenance.
///
/// On disk (package resource `knowledge/`), as reviewable JSON arrays:
/// ```
/// knowledge/vocabulary/<kind>.json   [VocabularyTerm]   one file per VocabularyKind
/// knowledge/publications.json        [Publication]
/// knowledge/experiments.json         [Experiment]
/// knowledge/trials.json              [ClinicalTrial]
/// knowledge/claims.json              [Claim]
/// ```
/// Each `<name>.json` may be accompanied by a folder `<name>/` of further `*.json` arrays of the
/// same record type (e.g. `experiments/004-table1.json`, `vocabulary/molecules/003.json`), read
/// after it in file-name order, so that curation can be split by seed and stay readable in a diff.
/// ``validate()`` checks ids, references and provenance; the store builds from a valid base only.
public struct KnowledgeBase: Sendable, Equatable {
    public var vocabulary: [VocabularyTerm]
    public var publications: [Publication]
    public var experiments: [Experiment]
    public var trials: [ClinicalTrial]
    public var claims: [Claim]

    public init(
        vocabulary: [VocabularyTerm] = [], publications: [Publication] = [],
        experiments: [Experiment] = [], trials: [ClinicalTrial] = [], claims: [Claim] = []
    ) {
        self.vocabulary = vocabulary
        self.publications = publications
        self.experiments = experiments
        self.trials = trials
        self.claims = claims
    }

    /// Loads the knowledge base shipped with the package.
    public static func loadBundled() throws -> KnowledgeBase {
        try load(from: KnowledgeBundle.directory)
    }

    /// Loads a knowledge base folder laid out as described above.
    ///
    /// Missing files count as empty.
    /// - Throws: ``KnowledgeError/unreadableFile(path:reason:)`` naming the file and the JSON
    ///   path of the first decoding problem.
    public static func load(from directory: URL) throws -> KnowledgeBase {
        var base = KnowledgeBase()
        let vocabularyDirectory = directory.appendingPathComponent("vocabulary")
        for kind in VocabularyKind.allCases {
            for url in recordFiles(vocabularyDirectory, kind.pluralName) {
                let terms: [VocabularyTerm] = try decodeArray(url)
                for term in terms where term.kind != kind {
                    throw KnowledgeError.unreadableFile(
                        path: url.path,
                        reason: "term '\(term.id)' has kind '\(term.kind.rawValue)', expected "
                            + "'\(kind.rawValue)'")
                }
                base.vocabulary += terms
            }
        }
        base.publications = try decodeRecords(directory, "publications")
        base.experiments = try decodeRecords(directory, "experiments")
        base.trials = try decodeRecords(directory, "trials")
        base.claims = try decodeRecords(directory, "claims")
        return base
    }

    /// `<directory>/<name>.json` followed by `<directory>/<name>/*.json` in file-name order;
    /// only files that exist.
    static func recordFiles(_ directory: URL, _ name: String) -> [URL] {
        var files: [URL] = []
        let main = directory.appendingPathComponent("\(name).json")
        if FileManager.default.fileExists(atPath: main.path) { files.append(main) }
        let folder = directory.appendingPathComponent(name, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".json") {
            files.append(folder.appendingPathComponent(file))
        }
        return files
    }

    private static func decodeRecords<T: Decodable>(_ directory: URL, _ name: String) throws -> [T] {
        try recordFiles(directory, name).flatMap { url -> [T] in try decodeArray(url) }
    }

    private static func decodeArray<T: Decodable>(_ url: URL) throws -> [T] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            let data = try Data(contentsOf: url)
            return try JSONDecoder().decode([T].self, from: data)
        } catch let error as DecodingError {
            throw KnowledgeError.unreadableFile(path: url.path, reason: describe(error))
        } catch {
            throw KnowledgeError.unreadableFile(path: url.path, reason: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        case .valueNotFound(_, let context):
            return "null value at \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}
