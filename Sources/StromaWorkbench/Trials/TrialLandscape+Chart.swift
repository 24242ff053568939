import StromaPlot
import StromaStore

extension TrialLandscape {
    /// One bar per condition and phase, split by cell source: distinct studies (a study with several routes
    /// counts once), with their summed enrollment as the bar's note; conditions, phases and sources by their
    /// readable labels (``TrialLabels``), each source in its own colour in every chart.
    public func chartBars(labels: TrialLabels) -> [LandscapeChart.Bar] {
        struct Key: Hashable, Comparable {
            var condition, phase: String
            static func < (a: Key, b: Key) -> Bool { (a.condition, a.phase) < (b.condition, b.phase) }
        }
        var counts: [Key: [String: Int]] = [:]
        var enrolled: [Key: Int] = [:]
        for study in landscape.studies {
            for condition in study.conditions {
                let key = Key(condition: condition, phase: study.phase)
                counts[key, default: [:]][study.source, default: 0] += 1
                enrolled[key, default: 0] += study.enrollment ?? 0
            }
        }
        return counts.keys.sorted().map { key in
            LandscapeChart.Bar(
                group: labels.condition(key.condition), label: TrialLabels.phase(key.phase),
                segments: counts[key]!.sorted { $0.key < $1.key }.map {
                    .init(key: $0.key, label: labels.source($0.key), value: $0.value)
                },
                note: "\(enrolled[key]!) enrolled")
        }
    }

    /// The chart's title (with the condition asked for).
    public var chartTitle: String {
        "MSC trials by condition and phase, split by cell source" + (condition.map { " (\($0))" } ?? "")
    }

    /// The SVG chart.
    public func chart(labels: TrialLabels) -> LandscapeChart {
        LandscapeChart(bars: chartBars(labels: labels), title: chartTitle)
    }
}
