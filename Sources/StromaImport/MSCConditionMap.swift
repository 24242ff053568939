import Foundation

/// Maps registry condition strings and MeSH terms to Stroma condition ids.
///
/// A condition matches an id when one of the id's synonyms occurs in it as whole words,
/// case-insensitively (`"Acute Ischemic Stroke"` contains `ischemic stroke`). When several
/// synonyms match, the longest wins (`"cerebral hemorrhage"` beats `"stroke"`). The built-in
/// table (``builtIn``) covers the neurological and musculoskeletal conditions of Stroma's seeds;
/// pass the knowledge vocabulary's synonyms instead with ``init(synonyms:)``.
public struct MSCConditionMap: Sendable {
    private struct Entry: Sendable {
        let id: String
        let synonym: String
        let pattern: MSCPattern
        /// The synonym's space-separated words (lowercase ASCII), each of which every match
        /// contains literally; `nil` when the synonym is not ASCII (the pattern always runs).
        let words: [[UInt8]]?
    }

    private let entries: [Entry]

    /// A map from condition id to its synonyms (the id's own words are added).
    public init(synonyms: [String: [String]]) {
        var entries: [Entry] = []
        for (id, words) in synonyms {
            let all = Set(words.map { $0.lowercased() } + [id.replacingOccurrences(of: "-", with: " ")])
            for word in all where !word.isEmpty {
                let escaped = NSRegularExpression.escapedPattern(for: word)
                    .replacingOccurrences(of: "\\ ", with: "[\\s,-]+")
                    .replacingOccurrences(of: " ", with: "[\\s,-]+")
                let words =
                    word.utf8.allSatisfy { $0 < 0x80 }
                    ? word.split(separator: " ").map { Array($0.utf8) } : nil
                entries.append(
                    Entry(
                        id: id, synonym: word, pattern: MSCPattern(#"(?<![a-z])"# + escaped + #"(?![a-z])"#),
                        words: words))
            }
        }
        self.entries = entries.sorted { ($0.synonym.count, $1.id) > ($1.synonym.count, $0.id) }
    }

    /// The condition id for a registry condition or MeSH term, with the synonym that matched.
    public func match(_ text: String) -> (id: String, synonym: String)? {
        let s = MSCText(field: "", text: text).normalized
        // Pre-check (sound): in ASCII text, a synonym none of whose words is missing may match;
        // the regular expression decides. Non-ASCII text always goes to the pattern.
        var lower = Array(s.utf8)
        var ascii = true
        for k in lower.indices {
            let c = lower[k]
            if c >= 0x80 { ascii = false; break }
            if c >= 0x41, c <= 0x5A { lower[k] = c + 0x20 }
        }
        return lower.withUnsafeBytes { text in
            for entry in entries {
                if ascii, let words = entry.words,
                    !words.allSatisfy({ word in word.withUnsafeBytes { MSCVocabulary.contains(text, $0) } })
                {
                    continue
                }
                if entry.pattern.firstMatch(in: s) != nil { return (entry.id, entry.synonym) }
            }
            return nil
        }
    }

    /// Stroma's built-in synonyms (MeSH headings and common registry spellings).
    public static let builtIn = MSCConditionMap(synonyms: [
        "ischemic-stroke": [
            "ischemic stroke", "ischaemic stroke", "stroke, ischemic", "brain ischemia", "cerebral ischemia",
            "cerebral infarction", "brain infarction", "cerebral ischaemia", "infarction, middle cerebral artery",
        ],
        "hemorrhagic-stroke": [
            "hemorrhagic stroke", "haemorrhagic stroke", "cerebral hemorrhage", "intracerebral hemorrhage",
            "intracerebral haemorrhage", "intracranial hemorrhages",
        ],
        "stroke": ["stroke", "cerebrovascular accident", "cerebrovascular disorders"],
        "spinal-cord-injury": [
            "spinal cord injury", "spinal cord injuries", "sci", "spinal cord trauma", "tetraplegia", "paraplegia",
        ],
        "traumatic-brain-injury": ["traumatic brain injury", "brain injuries, traumatic", "tbi", "head injury"],
        "peripheral-nerve-injury": [
            "peripheral nerve injury", "peripheral nerve injuries", "nerve injury", "brachial plexus injury",
            "nerve injuries",
        ],
        "amyotrophic-lateral-sclerosis": ["amyotrophic lateral sclerosis", "als", "motor neuron disease"],
        "multiple-sclerosis": ["multiple sclerosis", "ms, relapsing-remitting", "progressive multiple sclerosis"],
        "parkinsons-disease": ["parkinson disease", "parkinson's disease", "parkinsons disease"],
        "alzheimers-disease": ["alzheimer disease", "alzheimer's disease", "alzheimers disease"],
        "cerebral-palsy": ["cerebral palsy"],
        "autism-spectrum-disorder": ["autism spectrum disorder", "autism", "autistic disorder"],
        "huntingtons-disease": ["huntington disease", "huntington's disease"],
        "multiple-system-atrophy": ["multiple system atrophy"],
        "hypoxic-ischemic-brain-injury": [
            "hypoxic-ischemic encephalopathy", "hypoxia-ischemia, brain", "hypoxic ischemic encephalopathy",
        ],
        "osteoarthritis": ["osteoarthritis", "osteoarthritis, hip", "hip osteoarthritis"],
        "knee-osteoarthritis": [
            "knee osteoarthritis", "osteoarthritis, knee", "gonarthrosis", "osteoarthritis of the knee",
        ],
        "cartilage-injury": ["cartilage defect", "cartilage injury", "cartilage diseases", "chondral defect"],
        "intervertebral-disc-disease": [
            "intervertebral disc degeneration", "degenerative disc disease", "low back pain",
        ],
        "osteonecrosis": ["osteonecrosis", "femur head necrosis", "avascular necrosis"],
        "fracture-nonunion": ["fractures, ununited", "nonunion", "non-union"],
        "tendon-injury": ["tendon injuries", "rotator cuff tear", "rotator cuff injuries", "tendinopathy"],
        "muscle-injury": ["muscle injury", "muscular diseases", "muscle injuries"],
    ])
}
