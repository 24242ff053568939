import Foundation
import StromaDomain
import Testing

@testable import StromaImport

/// Per-field precision and recall of ``MSCRecognizer`` on the real-registry development set:
/// ClinicalTrials.gov wording re-wrapped as v2 records (`Fixtures/msc/real/`, written by
/// `Fixtures/msc/make_real.py`) with hand labels (`real-labels.json`).
///
/// Scoring: `is_msc` over all records; the other fields over the MSC records. `source` is a single
/// value (a wrong value is one FP and one FN); origins and routes are sets; doses are the set of
/// stated cell counts `(cells, upper end, per kg or not)` read anywhere in the record (a dose stated
/// twice counts once). The basis of a found dose (per kg, per administration, total) is scored on its
/// own. Recall is also split by how the labelled value was written (`written` in the labels).
@Suite struct MSCRealRegistryEvaluationTests {
    struct Label: Decodable {
        struct Dose: Decodable {
            var cells: Double
            var cellsHigh: Double?
            var basis: String
            enum CodingKeys: String, CodingKey {
                case cells
                case cellsHigh = "cells_high"
                case basis
            }
        }
        struct Written: Decodable {
            var source: String?
            var routes: [String: String]?
            var doses: [String]?
        }
        var isMSC: Bool
        var source: String?
        var origins: [String]
        var routes: [String]
        var doses: [Dose]
        var administrations: Int?
        var productForm: String?
        var written: Written
        var rules: [String]
        var url: String
        enum CodingKeys: String, CodingKey {
            case isMSC = "is_msc"
            case source, origins, routes, doses, administrations
            case productForm = "product_form"
            case written, rules, url
        }
    }

    /// True/false positives and false negatives of one field.
    struct Score {
        var tp = 0, fp = 0, fn = 0, tn = 0
        var accuracy: Double { Double(tp + tn) / Double(max(1, tp + tn + fp + fn)) }
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var row: String { String(format: "%d | %d | %d | %.2f | %.2f", tp, fp, fn, precision, recall) }
    }

    /// The result of one evaluation run: scores, recall split by notation, and the misses.
    struct Evaluation {
        var scores: [String: Score] = [:]
        /// `field/notation` or `field/where` → (found, labelled).
        var split: [String: (found: Int, labelled: Int)] = [:]
        var failures: [String] = []
        var mscRecords = 0
        var lookAlikes = 0

        mutating func count(_ key: String, found: Bool) {
            var entry = split[key] ?? (0, 0)
            entry.labelled += 1
            if found { entry.found += 1 }
            split[key] = entry
        }
    }

    static func folder() throws -> URL {
        try #require(Bundle.module.url(forResource: "msc", withExtension: nil))
    }

    static func labels() throws -> [String: Label] {
        let data = try Data(contentsOf: try folder().appendingPathComponent("real-labels.json"))
        return try JSONDecoder().decode([String: Label].self, from: data)
    }

    /// The study as the reader decodes it.
    static func study(_ key: String) throws -> RegistryStudy {
        let studies = try RegistryStudyReader.readAll(try folder().appendingPathComponent(key))
        try #require(studies.count == 1, "\(key)")
        return studies[0]
    }

    static func sameCount(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= 1e-6 * max(abs(x), abs(y))
        default: false
        }
    }

    static func evaluate() throws -> Evaluation {
        let labels = try labels()
        let recognizer = MSCRecognizer()
        var e = Evaluation()
        for key in labels.keys.sorted() {
            let label = labels[key]!
            let x = recognizer.recognize(try study(key))
            let id = String(key.dropFirst("real/".count).prefix(11))
            var isMSC = e.scores["is_msc", default: Score()]
            switch (x.isMSC, label.isMSC) {
            case (true, true): isMSC.tp += 1
            case (true, false):
                isMSC.fp += 1
                e.failures.append(
                    "\(id) is_msc: look-alike read as MSC from \(x.mscEvidence.map { "\($0.field) “\($0.evidence)”" } ?? "")"
                )
            case (false, true):
                isMSC.fn += 1
                e.failures.append("\(id) is_msc: MSC trial not recognised")
            case (false, false): isMSC.tn += 1
            }
            e.scores["is_msc"] = isMSC
            guard label.isMSC else {
                e.lookAlikes += 1
                continue
            }
            e.mscRecords += 1
            guard x.isMSC else { continue }

            // Source: one value.
            var source = e.scores["source", default: Score()]
            let got = x.source?.value
            if got == label.source {
                if got != nil { source.tp += 1 }
            } else {
                if got != nil { source.fp += 1 }
                if label.source != nil { source.fn += 1 }
                e.failures.append(
                    "\(id) source: expected \(label.source ?? "none"), got \(got ?? "none")"
                        + (x.source.map { " (\($0.field) “\($0.evidence)”)" } ?? ""))
            }
            e.scores["source"] = source
            if let s = label.source, let how = label.written.source {
                e.count("source/" + how.split(separator: "/")[0], found: got == s)
                e.count("source@" + how.split(separator: "/").last!, found: got == s)
            }

            // Origins and routes: sets.
            for (field, predicted, expected) in [
                ("origin", x.origins, label.origins), ("route", x.routes, label.routes),
            ] {
                var s = e.scores[field, default: Score()]
                let p = Set(predicted.map(\.value))
                let l = Set(expected)
                s.tp += p.intersection(l).count
                s.fp += p.subtracting(l).count
                s.fn += l.subtracting(p).count
                e.scores[field] = s
                for extra in p.subtracting(l) {
                    let ev = predicted.first { $0.value == extra }!
                    e.failures.append("\(id) \(field): extra \(extra) (\(ev.field) “\(ev.evidence)”)")
                }
                for missing in l.subtracting(p).sorted() {
                    e.failures.append("\(id) \(field): missed \(missing)")
                }
                if field == "route" {
                    for r in expected {
                        let how = label.written.routes?[r] ?? "unlabelled/unknown"
                        e.count("route/" + how.split(separator: "/")[0], found: p.contains(r))
                        e.count("route@" + how.split(separator: "/").last!, found: p.contains(r))
                    }
                }
            }

            // Doses: the set of stated cell counts.
            var dose = e.scores["dose", default: Score()]
            var basis = e.scores["dose_basis", default: Score()]
            let found = x.doses.filter { $0.value.cells != nil }
            var matched = Set<Int>()
            for (i, l) in label.doses.enumerated() {
                let hit = found.firstIndex {
                    sameCount($0.value.cells, l.cells) && sameCount($0.value.cellsHigh, l.cellsHigh)
                        && ($0.value.basis == .perKilogram) == (l.basis == "per-kg")
                }
                let how = label.written.doses.flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? "unlabelled/unknown"
                e.count("dose/" + how.split(separator: "/")[0], found: hit != nil)
                if let hit {
                    dose.tp += 1
                    matched.insert(hit)
                    if found[hit].value.basis.rawValue == l.basis {
                        basis.tp += 1
                    } else {
                        basis.fp += 1
                        basis.fn += 1
                        e.failures.append(
                            "\(id) dose basis: \(l.cells) expected \(l.basis), got \(found[hit].value.basis.rawValue)")
                    }
                } else {
                    dose.fn += 1
                    e.failures.append("\(id) dose: missed \(l.cells)\(l.cellsHigh.map { "–\($0)" } ?? "") \(l.basis)")
                }
            }
            for (i, d) in found.enumerated() where !matched.contains(i) {
                let duplicate = found.indices.contains { j in
                    j != i && matched.contains(j) && sameCount(found[j].value.cells, d.value.cells)
                        && sameCount(found[j].value.cellsHigh, d.value.cellsHigh)
                }
                if duplicate { continue }
                dose.fp += 1
                e.failures.append("\(id) dose: extra \(d.value.stated) (\(d.field))")
            }
            e.scores["dose"] = dose
            e.scores["dose_basis"] = basis

            var admin = e.scores["administrations", default: Score()]
            switch (x.administrations?.value, label.administrations) {
            case (nil, nil): break
            case (let p?, nil): _ = p; admin.fp += 1
            case (nil, _?): admin.fn += 1
            case (let p?, let l?): if p == l { admin.tp += 1 } else { admin.fp += 1; admin.fn += 1 }
            }
            e.scores["administrations"] = admin
            var form = e.scores["product_form", default: Score()]
            if x.productForm?.value == label.productForm { form.tp += 1 } else { form.fp += 1; form.fn += 1 }
            e.scores["product_form"] = form
        }
        return e
    }

    static func report(_ e: Evaluation) -> String {
        let order = ["is_msc", "source", "origin", "route", "dose", "dose_basis", "administrations", "product_form"]
        var lines = [
            "MSC recognition on \(e.mscRecords + e.lookAlikes) real registry records (\(e.mscRecords) MSC, \(e.lookAlikes) look-alikes)",
            "field | TP | FP | FN | precision | recall", "---|---|---|---|---|---",
        ]
        lines += order.compactMap { k in e.scores[k].map { "\(k) | \($0.row)" } }
        lines += ["", "recall by how the value was written | found | labelled", "---|---|---"]
        lines += e.split.keys.sorted().map { k in "\(k) | \(e.split[k]!.found) | \(e.split[k]!.labelled)" }
        lines += ["", "misses:"] + e.failures.map { "- " + $0 }
        return lines.joined(separator: "\n")
    }

    @Test("real registry development set: 60+ MSC trials and 20+ look-alikes, each labelled")
    func developmentSet() throws {
        let labels = try Self.labels()
        #expect(labels.values.filter(\.isMSC).count >= 60)
        #expect(labels.values.filter { !$0.isMSC }.count >= 20)
        for (key, label) in labels {
            #expect(label.url.contains("http"), "\(key) has no source address")
            #expect((label.written.doses?.count ?? 0) == label.doses.count, "\(key): one notation per labelled dose")
            #expect(
                Set(label.written.routes?.keys.map { $0 } ?? []) == Set(label.routes), "\(key): one notation per route")
            _ = try Self.study(key)
        }
    }

    @Test("real registry development set: per-field precision and recall")
    func measure() throws {
        let e = try Self.evaluate()
        print(Self.report(e))
        #expect(e.mscRecords >= 60)
    }
}
