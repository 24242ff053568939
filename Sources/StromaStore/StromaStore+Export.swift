import Foundation
import GRDB
import StromaDomain
import StromaKnowledge

extension StromaStore {
    /// The knowledge base as stored, in its original order (round-trips ``loadKnowledge(_:)``).
    public func knowledgeBase() throws -> KnowledgeBase {
        try read { db in
            func all<T: Decodable>(_ table: String) throws -> [T] {
                try String.fetchAll(db, sql: "SELECT json FROM \(table) ORDER BY ordinal")
                    .map { try KnowledgeJSON.decode(T.self, from: $0) }
            }
            return KnowledgeBase(
                vocabulary: try all("knowledge_term"),
                publications: try all("knowledge_publication"),
                experiments: try all("knowledge_experiment"),
                trials: try all("knowledge_trial"),
                claims: try all("knowledge_claim"))
        }
    }
}
