extension Provenance {
    /// Row numbers as short ranges, for provenance of file rows: `[1, 2, 3, 5]` → `1–3, 5`.
    public static func rowRanges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        let sorted = numbers.sorted()
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
