import Foundation
import StromaDomain
import StromaKnowledge
import StromaStore

extension WorkbenchError {
    /// The structured form of a store error, with the same one-line message the store gives.
    ///
    /// An unknown term is `not_found` with the nearest valid names in `valid`; a name shared by several kinds is
    /// `invalid_input` with the candidates (`kind:id`) in `valid`; a value outside a fixed list is
    /// `invalid_input` with that list; a database that cannot be used is `store` with its path in `file`.
    /// - Parameter option: the option or API parameter the value came from, when the caller knows it.
    public init(_ error: StoreError, option: String? = nil) {
        switch error {
        case .unknownTerm(let kind, let name, let suggestions):
            self.init(
                .notFound, error.description, record: name, field: kind?.rawValue, option: option, valid: suggestions)
        case .ambiguousTerm(let name, let candidates):
            self.init(
                .invalidInput, error.description, record: name, option: option,
                valid: candidates.map { "\($0.kind.rawValue):\($0.id)" })
        case .invalidArgument(let name, _, let valid):
            self.init(
                .invalidInput, error.description, field: name, option: option ?? name,
                valid: valid.components(separatedBy: ", "))
        case .notADatabase(let path), .foreignDatabase(let path), .newerDatabase(let path),
            .unusablePath(let path, _):
            self.init(.store, error.description, file: path, option: option)
        case .transactionFailed:
            self.init(.store, error.description)
        }
    }

    /// Runs `body`, turning store and knowledge-base errors into ``WorkbenchError`` values.
    /// - Parameter options: the option each vocabulary kind's value came from (an unknown `route` names
    ///   `route`); `anyKind` is the option of a value looked up across all kinds.
    static func translatingStoreErrors<T>(
        options: [VocabularyKind: String] = [:], anyKind: String? = nil, _ body: () throws -> T
    ) throws -> T {
        do {
            return try body()
        } catch let error as WorkbenchError {
            throw error
        } catch let error as StoreError {
            switch error {
            case .unknownTerm(let kind, _, _):
                throw WorkbenchError(error, option: kind.flatMap { options[$0] } ?? anyKind)
            case .ambiguousTerm: throw WorkbenchError(error, option: anyKind)
            default: throw WorkbenchError(error)
            }
        } catch let error as KnowledgeError {
            switch error {
            case .unreadableFile(let path, _): throw WorkbenchError(.failed, error.description, file: path)
            case .invalid: throw WorkbenchError(.failed, error.description)
            }
        }
    }
}
