import Foundation
import StromaDomain
import Testing
import _StromaTestSupport

@testable import StromaImport

/// Per-field precision and recall of ``MSCRecognizer`` against hand labels
/// (`Fixtures/msc/labels.json`; records written by `Fixtures/msc/make_fixtures.py`).
@Suite struct MSCRecognitionEvaluationTests {
    struct Label: Decodable {
        struct Dose: Decodable, Equatable {
            var cells: Double?
            var cellsHigh: Double?
            var basis: String?
            var amount: Double?
            var unit: String?
            enum CodingKeys: String, CodingKey {
                case cells
                case cellsHigh = "cells_high"
                case basis, amount, unit
            }
        }
        var isMSC: Bool
        var source: String?
        var origins: [String]?
        var routes: [String]?
        var dose: Dose?
        var administrations: Int?
        var productForm: String?
        var conditions: [String]?
        enum CodingKeys: String, CodingKey {
            case isMSC = "is_msc"
            case source, origins, routes, dose, administrations
            case productForm = "product_form"
            case conditions
        }
    }

    /// True/false positives and false negatives of one field.
    struct Score: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var description: String {
            String(format: "%d | %d | %d | %.2f | %.2f", tp, fp, fn, precision, recall)
        }
        mutating func single<T: Equatable>(_ predicted: T?, _ label: T?) {
            switch (predicted, label) {
            case (nil, nil): break
            case (let p?, nil): _ = p; fp += 1
            case (nil, _?): fn += 1
            case (let p?, let l?): if p == l { tp += 1 } else { fp += 1; fn += 1 }
            }
        }
        mutating func set(_ predicted: [String], _ label: [String]) {
            let p = Set(predicted), l = Set(label)
            tp += p.intersection(l).count
            fp += p.subtracting(l).count
            fn += l.subtracting(p).count
        }
    }

    static func fixtures() throws -> URL {
        try #require(Bundle.module.url(forResource: "msc", withExtension: nil))
    }

    /// Development labels (`labels.json`: constructed records and the real samples) and the
    /// held-out labels (`heldout-labels.json`, records written after the recogniser).
    static func labels() throws -> [String: Label] {
        var all: [String: Label] = [:]
        for file in ["labels.json", "heldout-labels.json"] {
            let data = try Data(contentsOf: try fixtures().appendingPathComponent(file))
            all.merge(try JSONDecoder().decode([String: Label].self, from: data)) { a, _ in a }
        }
        return all
    }

    static func study(_ key: String) throws -> RegistryStudy {
        let url: URL
        if key.hasPrefix("shared:") {
            url = try SharedData.url(String(key.dropFirst("shared:".count)))
        } else {
            url = try fixtures().appendingPathComponent(key)
        }
        let studies = try RegistryStudyReader.readAll(url)
        try #require(studies.count == 1, "\(key)")
        return studies[0]
    }

    static func evaluate(_ keys: [String], _ labels: [String: Label]) throws -> [String: Score] {
        let recognizer = MSCRecognizer()
        var scores: [String: Score] = [:]
        for key in keys.sorted() {
            let label = labels[key]!
            let x = recognizer.recognize(try study(key))
            scores["is_msc", default: Score()].single(x.isMSC ? true : nil, label.isMSC ? true : nil)
            guard label.isMSC else {
                if let c = label.conditions { scores["conditions", default: Score()].set(x.conditions.map(\.value), c) }
                continue
            }
            scores["source", default: Score()].single(x.source?.value, label.source)
            scores["origin", default: Score()].set(x.origins.map(\.value), label.origins ?? [])
            scores["route", default: Score()].set(x.routes.map(\.value), label.routes ?? [])
            let dose = x.dose.map {
                Label.Dose(
                    cells: $0.value.cells, cellsHigh: $0.value.cellsHigh,
                    basis: $0.value.cells == nil ? nil : $0.value.basis.rawValue,
                    amount: $0.value.amount, unit: $0.value.unit)
            }
            var expectedDose = label.dose
            if expectedDose?.cells != nil, expectedDose?.basis == nil { expectedDose?.basis = "unspecified" }
            scores["dose", default: Score()].single(dose, expectedDose)
            scores["administrations", default: Score()].single(x.administrations?.value, label.administrations)
            scores["product_form", default: Score()].single(x.productForm?.value, label.productForm)
            scores["conditions", default: Score()].set(x.conditions.map(\.value), label.conditions ?? [])
        }
        return scores
    }

    static func report(_ scores: [String: Score]) -> String {
        let order = ["is_msc", "product_form", "source", "origin", "route", "dose", "administrations", "conditions"]
        return
            (["field | TP | FP | FN | precision | recall", "---|---|---|---|---|---"]
            + order.compactMap { k in scores[k].map { "\(k) | \($0)" } }).joined(separator: "\n")
    }

    @Test("constructed MSC records: source, route and dose precision and recall ≥ 0.9")
    func constructed() throws {
        let labels = try Self.labels()
        let keys = labels.keys.filter { $0.hasPrefix("constructed/") }
        #expect(keys.count >= 29)
        let scores = try Self.evaluate(keys, labels)
        print("MSC recognition on \(keys.count) constructed records\n" + Self.report(scores))
        for field in ["source", "route", "dose"] {
            let s = try #require(scores[field])
            #expect(s.precision >= 0.9, "\(field) precision \(s.precision)")
            #expect(s.recall >= 0.9, "\(field) recall \(s.recall)")
        }
        let isMSC = try #require(scores["is_msc"])
        #expect(isMSC.fp == 0 && isMSC.fn == 0, "is_msc \(isMSC)")
    }

    @Test("held-out MSC records: source, route and dose precision and recall ≥ 0.9")
    func heldOut() throws {
        let labels = try Self.labels()
        let keys = labels.keys.filter { $0.hasPrefix("heldout/") }
        #expect(keys.count == 12)
        let scores = try Self.evaluate(keys, labels)
        print("MSC recognition on \(keys.count) held-out records\n" + Self.report(scores))
        for field in ["source", "route", "dose"] {
            let s = try #require(scores[field])
            #expect(s.precision >= 0.9, "\(field) precision \(s.precision)")
            #expect(s.recall >= 0.9, "\(field) recall \(s.recall)")
        }
        let isMSC = try #require(scores["is_msc"])
        #expect(isMSC.fp == 0 && isMSC.fn == 0, "is_msc \(isMSC)")
    }

    @Test("real non-MSC ClinicalTrials.gov samples are not MSC trials", .enabled(if: SharedData.isAvailable))
    func realSamples() throws {
        let labels = try Self.labels()
        let keys = labels.keys.filter { $0.hasPrefix("shared:") }
        #expect(keys.count == 8)
        for key in keys {
            let x = MSCRecognizer().recognize(try Self.study(key))
            #expect(x.isMSC == labels[key]!.isMSC, "\(key): \(String(describing: x.mscEvidence))")
        }
        let all = try Self.evaluate(Array(labels.keys), labels)
        print("MSC recognition on all \(labels.count) labelled records\n" + Self.report(all))
    }
}
