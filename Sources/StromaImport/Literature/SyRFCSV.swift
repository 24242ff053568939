/// A small RFC 4180 CSV parser for SyRF exports: comma-separated, `"` quoting with `""` escapes,
/// quoted fields may span lines; CRLF or LF line ends; a byte-order mark is dropped by the caller.
enum SyRFCSV {
    /// One parsed row and the 1-based line it starts on.
    struct Row {
        let fields: [String]
        let line: Int
    }

    /// Parses `text` into rows; throws on a quote left open at the end of the text.
    static func parse(_ text: String, source: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func finishRow() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(fields: fields, line: rowLine)) }
            fields = []
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r":
                break
            case "\n":
                finishRow()
                afterQuote = false
                line += 1
                rowLine = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes {
            throw ImportError(
                "'\(source)' line \(quoteLine): quoted field is never closed; valid: a closing '\"' (write \"\" for a quote inside)"
            )
        }
        if !field.isEmpty || !fields.isEmpty { finishRow() }
        return rows
    }

    /// The fields of one line (for sniffing a header).
    static func parseLine(_ line: String) -> [String] {
        (try? parse(line, source: ""))?.first?.fields ?? []
    }
}
