import Foundation

/// The built-in patterns that recognise MSC products, cell sources, origins, routes and
/// schedules in registry English.
///
/// Ids follow Stroma's vocabularies (kinds `cell-source`, `origin`, `route`, `product-form`).
/// Patterns are case-insensitive ICU regular expressions applied to ``MSCText`` normalised text.
/// Order matters where one term contains another: specific sources (Wharton's jelly, cord
/// blood) are listed before the generic umbilical cord, and the words they matched are not
/// matched again.
enum MSCVocabulary {
    /// Words that make an intervention MSC-based.
    static let mscProduct = MSCPattern(
        #"mesenchymal|\b(?:h|bm|uc|huc|ad|had|wj|pl|dp|men|ucb|at|am|af|ips)?-?mscs?\b|stromal (?:stem |progenitor |precursor )?cells?|\b(?:bmscs?|adscs?|dpscs?|menscs?)\b|adipose[- ](?:derived |tissue[- ]derived )?(?:stem|stromal|regenerative) cells|(?:dental[- ]pulp|wharton'?s?[- ]jelly|umbilical[- ]cord|placenta(?:l)?|amnion|amniotic)(?:[- ]tissue)?(?:[- ]derived)? (?:stem|stromal) cells|nurown|stempeucel|cartistem|remestemcel|prochymal|temcell|stemirac|neuronata|lenzumestrocel|darvadstrocel|alofisel|rexlemestrocel|cellgram|astrostem|obnitix|ryoncil|multistem"#
    )
    /// Intervention names that are controls, whatever their description says.
    static let control = MSCPattern(
        #"^\s*(?:placebo|sham|vehicle|saline|normal saline|control|standard (?:of )?care|conventional|rehabilitation|physiotherapy|physical therapy)\b"#
    )

    /// Product forms, most specific first.
    static let productForms: [(id: String, pattern: MSCPattern)] = [
        ("extracellular-vesicles", MSCPattern(#"exosom|extracellular vesicle|\bevs?\b|small vesicles|microvesicle"#)),
        ("conditioned-medium", MSCPattern(#"conditioned (?:culture )?medi(?:um|a)|secretome|\bcm\b(?=.*msc)"#)),
        (
            "differentiated-cells",
            MSCPattern(
                #"msc-ntf|nurown|neurotrophic[- ]factor[- ]secreting|schwann[- ]like|(?:neural(?:ly)?|neuronal(?:ly)?)[- ]induced|induced (?:neural|neuronal)|neuron-like|differentiated (?:into|to|towards)|pre-?differentiated|chondrogenic(?:ally)? differentiated"#
            )
        ),
    ]

    /// Cell sources, most specific first.
    static let sources: [(id: String, pattern: MSCPattern)] = [
        ("whartons-jelly", MSCPattern(#"wharton'?s?[- ]jelly|\bwj-?mscs?\b"#)),
        ("cord-blood", MSCPattern(#"cord[- ]blood|\bucb-?mscs?\b|\bcb-?mscs?\b"#)),
        ("umbilical-cord", MSCPattern(#"umbilical[- ]cord|\bh?uc-?mscs?\b|\bumbilical\b"#)),
        ("placenta", MSCPattern(#"placenta(?:l)?|decidua|\bpl-?mscs?\b"#)),
        ("amniotic-fluid", MSCPattern(#"amniotic fluid|\baf-?mscs?\b"#)),
        ("amnion", MSCPattern(#"amnion|amniotic|\bam-?mscs?\b"#)),
        ("dental-pulp", MSCPattern(#"dental[- ]pulp|\bdpscs?\b|deciduous teeth|tooth pulp"#)),
        ("menstrual-blood", MSCPattern(#"menstrual|\bmenscs?\b|endometrial regenerative"#)),
        (
            "bone-marrow",
            MSCPattern(#"bone[- ]marrow|\bbm-?mscs?\b|\bbmscs?\b|\bbmmscs?\b|marrow[- ]derived|iliac crest"#)
        ),
        ("adipose", MSCPattern(#"adipose|\bh?ad-?mscs?\b|\badscs?\b|\bat-?mscs?\b|lipoaspirate|fat[- ]derived"#)),
        ("synovium", MSCPattern(#"synovi(?:um|al)[- ](?:derived|membrane|mscs?|mesenchymal|stem)"#)),
        ("ipsc-derived", MSCPattern(#"induced pluripotent|\bipsc"#)),
    ]

    /// Origins.
    static let origins: [(id: String, pattern: MSCPattern)] = [
        (
            "autologous",
            MSCPattern(
                #"\bautolog(?:ous|us)|\bautogenous|patient'?s own|self-derived|from the patient'?s? (?:own )?(?:bone marrow|adipose|fat)"#
            )
        ),
        (
            "allogeneic",
            MSCPattern(
                #"\balloge?n(?:e)?ic|allogenous|\ballo-|donor[- ]derived|(?:healthy|unrelated|third[- ]party) donors?|off-the-shelf"#
            )
        ),
    ]

    /// Routes of administration.
    static let routes: [(id: String, pattern: MSCPattern)] = [
        (
            "intravenous",
            MSCPattern(
                #"intra-?venous(?:ly)?|\bi\.v\.|\biv (?:infusion|injection|administration|drip)|venous infusion|peripheral vein|into (?:a|the) vein"#
            )
        ),
        (
            "intra-arterial",
            MSCPattern(#"intra-?arterial(?:ly)?|intra-?carotid|carotid artery (?:infusion|injection)|\bi\.a\.(?=\s)"#)
        ),
        ("intrathecal", MSCPattern(#"intra-?thecal(?:ly)?|lumbar puncture|subarachnoid|\bi\.t\.(?=\s)"#)),
        (
            "intracerebroventricular",
            MSCPattern(#"intra-?cerebroventricular(?:ly)?|intra-?ventricular(?:ly)?(?!\s+ha?emorrhage)|\bicv\b"#)
        ),
        (
            "intracerebral",
            MSCPattern(
                #"intra-?cerebral(?:ly)?(?!\s+(?:ha?emorrhage|hematoma|haematoma|bleed))|intra-?parenchymal(?:ly)?|stereotactic(?:ally)?|intra-?cranial(?:ly)?(?!\s+(?:ha?emorrhage|pressure|aneurysm))|peri-?infarct|intra-?striatal|into the brain"#
            )
        ),
        (
            "intraspinal",
            MSCPattern(
                #"intra-?spinal|into the spinal cord|intra-?medullary (?:spinal|injection into the (?:spinal )?cord)"#)
        ),
        (
            "intralesional",
            MSCPattern(
                #"intra-?lesional(?:ly)?|into the (?:lesion|injury site|lesion site|fistula)|peri-?lesional|(?:local|direct) injection into the (?:lesion|injury)"#
            )
        ),
        (
            "intranasal",
            MSCPattern(#"intra-?nasal(?:ly)?|nasal (?:administration|drops|spray|instillation)|nose drops"#)
        ),
        ("intramuscular", MSCPattern(#"intra-?muscular(?:ly)?|\bi\.m\.|into the (?:muscle|deltoid|quadriceps)"#)),
        (
            "intra-articular",
            MSCPattern(
                #"intra-?articular(?:ly)?(?!\s+fracture)|into the (?:knee |hip |shoulder )?joint|intra-?capsular"#)
        ),
        (
            "intradiscal",
            MSCPattern(#"intra-?discal(?:ly)?|into the (?:intervertebral |nucleus pulposus of the )?disc"#)
        ),
        (
            "intraosseous",
            MSCPattern(#"intra-?osseous|into the (?:necrotic )?(?:bone|femoral head)|core decompression"#)
        ),
        ("subcutaneous", MSCPattern(#"sub-?cutaneous(?:ly)?|\bs\.c\.(?=\s)"#)),
        ("intradermal", MSCPattern(#"intra-?dermal(?:ly)?"#)),
        ("topical", MSCPattern(#"\btopical(?:ly)?"#)),
        ("inhalation", MSCPattern(#"inhal(?:ed|ation)|nebuli[sz]"#)),
    ]

    /// `N doses|injections|infusions|…`, `single injection`: group 1 the count word.
    static let administrationCount = MSCPattern(
        #"\b(single|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,2})\s+(?:[a-z-]+\s+){0,3}?(?:doses?|injections?|infusions?|administrations?|transplant(?:ation)?s?|implantations?|courses?|applications?|times)\b"#
    )
    /// `once`, `twice`, `thrice` used as a total (not `twice a week`).
    static let administrationAdverb = MSCPattern(
        #"\b(once|twice|thrice)\b(?!\s+(?:a|per|daily|weekly|monthly|every|each))"#)
    /// `on days 0, 7 and 14`: group 1 the list.
    static let administrationDays = MSCPattern(
        #"\b(?:on|at)\s+(?:days?|weeks?|months?)\s+(\d+(?:\s*(?:,|and|&)\s*\d+)+)"#)
    /// A schedule phrase.
    static let schedule = MSCPattern(
        #"every\s+(?:\d+|other|two|three|four|six)\s+(?:days?|weeks?|months?)(?:\s+for\s+[a-z0-9 ]{1,20}?(?:days?|weeks?|months?|doses?))?|\b(?:once\s+)?(?:weekly|monthly|daily)(?:\s+for\s+[a-z0-9 ]{1,12}?(?:days?|weeks?|months?))?|\b(?:on|at)\s+(?:days?|weeks?|months?)\s+\d+(?:\s*(?:,|and|&)\s*\d+)+|\b\d+\s*(?:weeks?|months?|days?)\s+apart|\bat\s+(?:\d+|one|two|three|four)[- ](?:week|month|day)\s+intervals?"#
    )

    static let numberWords: [String: Int] = [
        "single": 1, "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3,
        "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12,
    ]
}

extension MSCVocabulary {
    /// Words one of which every match of ``mscProduct`` contains (lowercase ASCII): a text
    /// without any of them cannot match, so the regular expression is skipped.
    ///
    /// Soundness: each
    /// alternative of ``mscProduct`` contains `mesenchymal`, `msc`, `strom`, `stem`, `adsc`,
    /// `dpsc`, `mensc`, `regenerative cell` or one of the product names listed; non-ASCII text
    /// always goes to the regular expression (Unicode case folding).
    static let mscProductWords: [[UInt8]] = [
        "mesenchymal", "msc", "strom", "stem", "adsc", "dpsc", "mensc", "regenerative cell", "nurown",
        "prochymal", "temcell", "neuronata", "strocel", "alofisel", "cellgram", "obnitix", "ryoncil",
    ].map { Array($0.utf8) }

    /// ``mscProduct``'s first match in `normalized`, after the ``mscProductWords`` pre-check.
    static func mscProductMatch(_ normalized: String) -> NSTextCheckingResult? {
        var bytes = Array(normalized.utf8)
        guard !bytes.isEmpty else { return nil }
        var ascii = true
        for k in bytes.indices {
            let c = bytes[k]
            if c >= 0x80 { ascii = false; break }
            if c >= 0x41, c <= 0x5A { bytes[k] = c + 0x20 }
        }
        if ascii {
            let found = bytes.withUnsafeBytes { text in
                mscProductWords.contains { word in word.withUnsafeBytes { contains(text, $0) } }
            }
            guard found else { return nil }
        }
        return mscProduct.firstMatch(in: normalized)
    }

    /// Whether `needle` (non-empty) occurs in `haystack`: `memchr` for its first byte, `memcmp`
    /// for the rest.
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let h = haystack.baseAddress, let n = needle.baseAddress, needle.count <= haystack.count else {
            return false
        }
        let first = Int32(needle[0])
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            guard let hit = memchr(h + i, first, last - i + 1) else { return false }
            let at = h.distance(to: UnsafeRawPointer(hit))
            if memcmp(h + at, n, needle.count) == 0 { return true }
            i = at + 1
        }
        return false
    }
}
