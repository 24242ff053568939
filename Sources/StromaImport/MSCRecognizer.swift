import Foundation
import StromaDomain

/// Decides whether a registry study tests an MSC-based product and reads its source, origin,
/// routes, dose and schedule from the record's words.
///
/// Texts are read in a fixed priority order, and the first text that states a value gives it:
/// each MSC intervention's `name`, `otherNames[i]`, `description`; then the descriptions and
/// labels of arm groups that receive an MSC intervention (or mention MSCs); then `briefTitle` and
/// `officialTitle`. An intervention is MSC-based when its name, other names or description
/// match ``MSCVocabulary/mscProduct`` and its name is not a control (placebo, sham, saline,
/// standard care). Nothing is inferred from what is usual for a product (an umbilical-cord
/// product is not assumed allogeneic): what the record does not say is unknown.
public struct MSCRecognizer: Sendable {
    public var conditionMap: MSCConditionMap

    public init(conditionMap: MSCConditionMap = .builtIn) {
        self.conditionMap = conditionMap
    }

    /// Reads `study`.
    public func recognize(_ study: RegistryStudy) -> MSCExtraction {
        let conditions = matchConditions(study)
        let (texts, evidence) = mscTexts(study)
        guard let evidence else {
            return MSCExtraction(isMSC: false, conditions: conditions)
        }
        var result = MSCExtraction(isMSC: true, mscEvidence: evidence, conditions: conditions)

        result.productForm =
            firstMatch(MSCVocabulary.productForms, in: texts)
            ?? MSCExtracted("undifferentiated-cells", field: evidence.field, evidence: evidence.evidence)
        result.sources = allMatches(MSCVocabulary.sources, in: texts, specificFirst: true)
        result.source = result.sources.first
        result.origins = allMatches(MSCVocabulary.origins, in: texts, specificFirst: false)
        result.routes = allMatches(MSCVocabulary.routes, in: texts, specificFirst: false)

        var doseSpans: [String: [NSRange]] = [:]
        for text in texts {
            var mentions = MSCDoseParser.mentions(in: text)
            let form = result.productForm?.value
            if mentions.isEmpty, form == "conditioned-medium" || form == "extracellular-vesicles" {
                mentions = MSCDoseParser.productAmounts(in: text)
            }
            doseSpans[text.field] = mentions.map(\.range)
            for mention in mentions where !result.doses.contains(where: { $0.value == mention.dose }) {
                result.doses.append(MSCExtracted(mention.dose, field: text.field, evidence: mention.dose.stated))
            }
        }
        result.dose = result.doses.first
        (result.administrations, result.schedule) = readSchedule(texts, masking: doseSpans)
        return result
    }

    // MARK: - Texts

    /// The MSC-related texts in priority order, and the first evidence that the study is MSC-based.
    func mscTexts(_ study: RegistryStudy) -> ([MSCText], MSCExtracted<String>?) {
        var texts: [MSCText] = []
        var evidence: MSCExtracted<String>?
        var mscNames: [String] = []
        for (i, intervention) in study.interventions.enumerated() {
            var own: [MSCText] = [MSCText(field: "interventions[\(i)].name", text: intervention.name)]
            for (j, other) in intervention.otherNames.enumerated() {
                own.append(MSCText(field: "interventions[\(i)].otherNames[\(j)]", text: other))
            }
            if let d = intervention.description {
                own.append(MSCText(field: "interventions[\(i)].description", text: d))
            }
            // The cheap product check first: a control name is skipped either way.
            guard
                let hit = own.lazy.compactMap({ t in
                    MSCVocabulary.mscProductMatch(t.normalized).map { (t, $0) }
                }).first
            else { continue }
            if MSCVocabulary.control.firstMatch(in: own[0].normalized) != nil { continue }
            if evidence == nil {
                evidence = MSCExtracted("msc", field: hit.0.field, evidence: hit.0.original(hit.1.range))
            }
            mscNames.append(intervention.name.lowercased())
            texts += own
        }
        for (i, arm) in study.armGroups.enumerated() {
            let receivesMSC =
                !mscNames.isEmpty
                && arm.interventionNames.contains { name in
                    let lower = name.lowercased()
                    return mscNames.contains { lower.hasSuffix(": " + $0) || lower == $0 }
                }
            var own: [MSCText] = []
            if let d = arm.description { own.append(MSCText(field: "armGroups[\(i)].description", text: d)) }
            own.append(MSCText(field: "armGroups[\(i)].label", text: arm.label))
            // The product pattern only decides arms that receive no MSC intervention, or gives the
            // first evidence.
            let mentions =
                receivesMSC && evidence != nil
                ? nil
                : own.lazy.compactMap { t in
                    MSCVocabulary.mscProductMatch(t.normalized).map { (t, $0) }
                }.first
            guard receivesMSC || mentions != nil else { continue }
            if evidence == nil, let (t, m) = mentions {
                evidence = MSCExtracted("msc", field: t.field, evidence: t.original(m.range))
            }
            texts += own
        }
        let titles = [("briefTitle", study.briefTitle), ("officialTitle", study.officialTitle)]
        for (field, title) in titles {
            guard let title else { continue }
            let t = MSCText(field: field, text: title)
            if evidence == nil, let m = MSCVocabulary.mscProductMatch(t.normalized) {
                evidence = MSCExtracted("msc", field: field, evidence: t.original(m.range))
            }
            texts.append(t)
        }
        return (texts, evidence)
    }

    // MARK: - Matching

    private func firstMatch(
        _ vocabulary: [(id: String, pattern: MSCPattern)], in texts: [MSCText]
    ) -> MSCExtracted<String>? {
        for text in texts {
            var best: (NSTextCheckingResult, String)?
            for (id, pattern) in vocabulary {
                guard let m = pattern.firstMatch(in: text.normalized) else { continue }
                if best == nil || m.range.location < best!.0.range.location { best = (m, id) }
            }
            if let (m, id) = best { return MSCExtracted(id, field: text.field, evidence: text.original(m.range)) }
        }
        return nil
    }

    /// Every distinct id, in text priority then reading order.
    ///
    /// With `specificFirst`, the words a
    /// more specific entry matched are not matched again by a later one.
    private func allMatches(
        _ vocabulary: [(id: String, pattern: MSCPattern)], in texts: [MSCText], specificFirst: Bool
    ) -> [MSCExtracted<String>] {
        var found: [MSCExtracted<String>] = []
        for text in texts {
            var taken: [NSRange] = []
            var hits: [(Int, MSCExtracted<String>)] = []
            for (id, pattern) in vocabulary {
                for m in pattern.matches(in: text.normalized) {
                    if specificFirst, taken.contains(where: { NSIntersectionRange($0, m.range).length > 0 }) {
                        continue
                    }
                    taken.append(m.range)
                    hits.append(
                        (m.range.location, MSCExtracted(id, field: text.field, evidence: text.original(m.range))))
                }
            }
            for (_, hit) in hits.sorted(by: { $0.0 < $1.0 }) where !found.contains(where: { $0.value == hit.value }) {
                found.append(hit)
            }
        }
        return found
    }

    private func readSchedule(
        _ texts: [MSCText], masking: [String: [NSRange]]
    ) -> (MSCExtracted<Int>?, MSCExtracted<String>?) {
        var count: MSCExtracted<Int>?
        var schedule: MSCExtracted<String>?
        for text in texts {
            let masked = Self.blank(text.normalized, masking[text.field] ?? [])
            if count == nil {
                count = readCount(masked, text)
            }
            if schedule == nil, let m = MSCVocabulary.schedule.firstMatch(in: masked) {
                schedule = MSCExtracted(text.original(m.range), field: text.field, evidence: text.original(m.range))
            }
            if count != nil && schedule != nil { break }
        }
        return (count, schedule)
    }

    private func readCount(_ masked: String, _ text: MSCText) -> MSCExtracted<Int>? {
        var candidates: [(Int, Int, NSRange)] = []
        if let m = MSCVocabulary.administrationCount.firstMatch(in: masked),
            let word = m.group(1, in: masked)?.lowercased(),
            let n = MSCVocabulary.numberWords[word] ?? Int(word), (1...24).contains(n)
        {
            candidates.append((m.range.location, n, m.range))
        }
        if let m = MSCVocabulary.administrationDays.firstMatch(in: masked), let list = m.group(1, in: masked) {
            let n = list.split(whereSeparator: { !$0.isNumber }).count
            candidates.append((m.range.location, n, m.range))
        }
        if let m = MSCVocabulary.administrationAdverb.firstMatch(in: masked),
            let word = m.group(1, in: masked)?.lowercased(), let n = MSCVocabulary.numberWords[word]
        {
            candidates.append((m.range.location, n, m.range))
        }
        guard let best = candidates.min(by: { $0.0 < $1.0 }) else { return nil }
        return MSCExtracted(best.1, field: text.field, evidence: text.original(best.2))
    }

    /// Replaces the given UTF-16 ranges with spaces (length-preserving).
    static func blank(_ s: String, _ ranges: [NSRange]) -> String {
        guard !ranges.isEmpty else { return s }
        let m = NSMutableString(string: s)
        for r in ranges where r.location + r.length <= m.length {
            m.replaceCharacters(in: r, with: String(repeating: " ", count: r.length))
        }
        return m as String
    }

    private func matchConditions(_ study: RegistryStudy) -> [MSCExtracted<String>] {
        var out: [MSCExtracted<String>] = []
        let fields =
            study.conditions.enumerated().map { ("conditions[\($0.offset)]", $0.element) }
            + study.conditionMeshTerms.enumerated().map {
                ("conditionBrowseModule.meshes[\($0.offset)].term", $0.element.term)
            }
        for (field, text) in fields {
            guard let (id, _) = conditionMap.match(text), !out.contains(where: { $0.value == id }) else { continue }
            out.append(MSCExtracted(id, field: field, evidence: text))
        }
        return out
    }
}
