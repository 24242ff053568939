/// Splits CSV text into records (RFC 4180) and remembers the line each record starts on.
///
/// Handles a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with doubled quotes and
/// embedded line breaks. Lines that start with `#` outside quotes (comments) and blank lines
/// are skipped when `allowComments` is set.
struct MetaCSVRecords {
    struct Record {
        var fields: [String]
        var line: Int
    }

    var records: [Record] = []

    init(text: String, fileName: String, allowComments: Bool) throws {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var atRecordStart = true
        var skippingComment = false
        let iterator = Array(scalars)
        var index = 0
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            let blank = fields.count == 1 && fields[0].trimmingSpaces.isEmpty && !quotedField
            if !(allowComments && blank) { records.append(Record(fields: fields, line: recordLine)) }
            fields = []
            quotedField = false
            atRecordStart = true
        }
        while index < iterator.count {
            let c = iterator[index]
            index += 1
            if skippingComment {
                if c == "\n" {
                    line += 1
                    skippingComment = false
                    atRecordStart = true
                }
                continue
            }
            if atRecordStart {
                recordLine = line
                atRecordStart = false
                if allowComments && c == "#" {
                    skippingComment = true
                    continue
                }
            }
            if inQuotes {
                if c == "\"" {
                    if index < iterator.count && iterator[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    if c == "\r" && index < iterator.count && iterator[index] == "\n" { continue }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                inQuotes = true
                quotedField = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                if index < iterator.count && iterator[index] == "\n" { index += 1 }
                endRecord()
                line += 1
            case "\n":
                endRecord()
                line += 1
            default:
                field.append(c)
            }
        }
        if inQuotes {
            throw ImportError(
                "file '\(fileName)', line \(recordLine): a quoted field is not closed; "
                    + "close it with a double quote")
        }
        if !atRecordStart { endRecord() }
        // Drop trailing blank records (a final line break).
        while let last = records.last, last.fields.count == 1, last.fields[0].isEmpty {
            records.removeLast()
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and non-breaking spaces.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
