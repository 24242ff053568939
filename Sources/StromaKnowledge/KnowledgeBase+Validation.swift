import StromaDomain

extension KnowledgeBase {
    /// Checks the invariants every shipped knowledge base must hold.
    ///
    /// - ids are unique within each vocabulary kind and within each record type;
    /// - every term reference (including `parent` and `related`) resolves;
    /// - experiment arms hold (``Experiment/armProblems``);
    /// - every record's `publication` resolves to a ``Publication``;
    /// - every term and record has at least one provenance, and each provenance names a seed or a
    ///   reference with an identifier, authors or a title.
    /// - Returns: one line per problem, naming the record and field; empty when valid.
    public func validate() -> [String] {
        var problems: [String] = []
        var termIds: [VocabularyKind: Set<String>] = [:]
        for term in vocabulary {
            if termIds[term.kind, default: []].insert(term.id).inserted == false {
                problems.append("duplicate \(term.kind.rawValue) id '\(term.id)'")
            }
        }
        func resolves(_ ref: TermReference) -> Bool { termIds[ref.kind]?.contains(ref.id) == true }
        func check(_ refs: [TermReference], in record: String) {
            for ref in refs where !resolves(ref) {
                problems.append(
                    "\(record): unknown \(ref.kind.rawValue) '\(ref.id)'")
            }
        }
        func checkProvenance(_ provenance: [Provenance], in record: String) {
            if provenance.isEmpty { problems.append("\(record): no provenance") }
            for item in provenance where item.seed == nil && !(item.reference?.isIdentifying ?? false) {
                problems.append("\(record): a provenance names neither a seed nor a reference")
            }
        }
        for term in vocabulary {
            let name = "\(term.kind.rawValue) '\(term.id)'"
            if let parent = term.parent { check([TermReference(term.kind, parent)], in: name) }
            check(term.related, in: name)
            checkProvenance(term.provenance, in: name)
        }
        let publicationIds = Set(publications.map(\.id))
        func checkPublication(_ id: String?, in record: String) {
            if let id, !publicationIds.contains(id) {
                problems.append("\(record): unknown publication '\(id)'")
            }
        }
        problems += duplicates(publications.map(\.id), kind: "publication")
        problems += duplicates(experiments.map(\.id), kind: "experiment")
        problems += duplicates(trials.map(\.id), kind: "trial")
        problems += duplicates(claims.map(\.id), kind: "claim")
        for publication in publications {
            checkProvenance(publication.provenance, in: "publication '\(publication.id)'")
        }
        for experiment in experiments {
            let name = "experiment '\(experiment.id)'"
            check(experiment.termReferences, in: name)
            checkPublication(experiment.publication, in: name)
            checkProvenance(experiment.provenance, in: name)
            problems += experiment.armProblems.map { "\(name): \($0)" }
            for result in experiment.relativeResults {
                checkProvenance([result.provenance], in: "\(name), relative result '\(result.quantity)'")
            }
        }
        for trial in trials {
            let name = "trial '\(trial.id)'"
            check(trial.termReferences, in: name)
            checkPublication(trial.publication, in: name)
            checkProvenance(trial.provenance, in: name)
        }
        for claim in claims {
            let name = "claim '\(claim.id)'"
            check(claim.termReferences, in: name)
            if claim.subject == nil && claim.subjectText == nil {
                problems.append("\(name): neither 'subject' nor 'subject_text'")
            }
            if claim.object == nil && claim.objectText == nil {
                problems.append("\(name): neither 'object' nor 'object_text'")
            }
            checkProvenance(claim.provenance, in: name)
            check(claim.relativeResults.compactMap { $0.measure.map { TermReference(.outcomeMeasure, $0) } }, in: name)
        }
        return problems
    }

    private func duplicates(_ ids: [String], kind: String) -> [String] {
        var seen: Set<String> = []
        return ids.compactMap { seen.insert($0).inserted ? nil : "duplicate \(kind) id '\($0)'" }
    }

    /// The term of `kind` with id `id`, if any.
    public func term(_ kind: VocabularyKind, _ id: String) -> VocabularyTerm? {
        vocabulary.first { $0.kind == kind && $0.id == id }
    }
}

extension Citation {
    /// Whether the citation identifies a source: an identifier, or authors/title with a year.
    var isIdentifying: Bool {
        doi != nil || pmid != nil || registryId != nil || url != nil
            || ((authors != nil || title != nil) && year != nil)
            || seedReferenceNumber != nil
    }
}
