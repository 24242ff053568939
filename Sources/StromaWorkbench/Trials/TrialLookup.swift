import StromaStore

/// `stroma trials show`: the stored registry studies with the given ids, each as a ``TrialDetail`` with the
/// warnings its import recorded.
public enum TrialLookup {
    /// The studies `ids` (NCT numbers, any case), in order.
    ///
    /// Throws ``WorkbenchError`` `invalid_input` for an id
    /// that is not an NCT number and `not_found` for one the store does not hold — saying, when a file was named
    /// for that id but held another record, which record it held.
    public static func details(_ ids: [String], in store: StromaStore) throws -> [TrialDetail] {
        for id in ids where !TrialDetail.isRegistryId(id) {
            throw WorkbenchError(
                .invalidInput,
                "'\(id)' is not a ClinicalTrials.gov id; valid: NCT followed by 8 digits, e.g. NCT01909154",
                record: id, valid: ["NCT followed by 8 digits"])
        }
        return try ids.map { id in
            let nct = id.uppercased()
            do {
                guard let stored = try store.study(id: nct) else {
                    let elsewhere = try store.importWarnings(mentioning: nct)
                    if let first = elsewhere.first {
                        let file = first.sourcePath.isEmpty ? "a file" : "'\(first.sourcePath)'"
                        throw WorkbenchError(
                            .notFound,
                            "no study '\(nct)' in the store '\(store.path ?? "in memory")'; \(file), named for it, holds \(first.registryId), stored under that id (see 'stroma trials show \(first.registryId)')",
                            record: nct)
                    }
                    throw WorkbenchError(
                        .notFound,
                        "no study '\(nct)' in the store '\(store.path ?? "in memory")'; import it with 'stroma import ctgov FILE' or 'stroma fetch ctgov'",
                        record: nct)
                }
                return TrialDetail(stored, warnings: try store.importWarnings(of: nct).map(\.message))
            } catch let error as StoreError {
                throw WorkbenchError(.store, error.description, record: nct)
            }
        }
    }
}
