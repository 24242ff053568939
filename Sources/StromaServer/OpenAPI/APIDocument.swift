import Foundation

/// The OpenAPI 3.1 document served at `/api/v1/openapi.json`, built from ``operations``.
///
/// A test checks that the operations are exactly the `/api/v1` routes the router registers.
enum APIDocument {
    /// Every API operation, area by area.
    static var operations: [APIOperation] {
        [
            APIOperation(method: "get", path: "/api/v1/openapi.json", tag: "meta", summary: "This OpenAPI document")
        ] + APIOperations.knowledge
    }

    static let json: String = {
        let data = try? JSONSerialization.data(
            withJSONObject: document(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data ?? Data(), as: UTF8.self) + "\n"
    }()

    static func document() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method] = describe(operation)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Stroma API", "version": "1",
                "description": "The JSON API of `stroma serve`: the same JSON as `stroma … --format json`. Reads "
                    + "are open; writes need `Authorization: Bearer <token>` (the server's --token-file) or a "
                    + "signed-in curator. Errors are WorkbenchError objects.",
            ],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": ["WorkbenchError": errorSchema],
            ],
        ]
    }

    static var errorSchema: [String: Any] {
        [
            "type": "object", "required": ["code", "message"],
            "properties": [
                "code": [
                    "type": "string",
                    "enum": ["invalid_input", "not_found", "file_access", "store", "forbidden", "failed"],
                ],
                "message": ["type": "string"], "file": ["type": "string"], "record": ["type": "string"],
                "row": ["type": "integer"], "field": ["type": "string"], "option": ["type": "string"],
                "valid": ["type": "array", "items": ["type": "string"]],
            ],
        ]
    }

    static func describe(_ operation: APIOperation) -> [String: Any] {
        var result: [String: Any] = [
            "summary": operation.summary, "tags": [operation.tag],
            "operationId": operation.method
                + operation.path.replacingOccurrences(of: "/api/v1", with: "")
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map {
                    $0.prefix(1).uppercased() + $0.dropFirst()
                }
                .joined(),
        ]
        if !operation.parameters.isEmpty {
            result["parameters"] = operation.parameters.map { parameter -> [String: Any] in
                var schema: [String: Any] = ["type": parameter.type]
                if let choices = parameter.choices { schema["enum"] = choices }
                if let minimum = parameter.minimum { schema["minimum"] = minimum }
                if let maximum = parameter.maximum { schema["maximum"] = maximum }
                return [
                    "name": parameter.name, "in": parameter.location,
                    "required": parameter.location == "path" || parameter.required, "schema": schema,
                    "description": parameter.description,
                ]
            }
        }
        if let body = operation.body {
            let (type, required, properties): (String, [String], [String: [String: any Sendable]]) =
                switch body {
                case .json(let required, let properties): ("application/json", required, properties)
                case .multipart(let required, let properties): ("multipart/form-data", required, properties)
                }
            result["requestBody"] = [
                "required": true,
                "content": [type: ["schema": ["type": "object", "required": required, "properties": properties]]],
            ]
        }
        if operation.write { result["security"] = [["bearer": [String]()]] }
        let error: [String: Any] = [
            "description": "Refused: the WorkbenchError names the field and what would be valid",
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/WorkbenchError"]]],
        ]
        var responses: [String: Any] = [
            "200": ["description": "Success", "content": [operation.produces: [String: Any]()]],
            "400": error, "404": error, "405": error, "413": error, "422": error,
        ]
        if operation.write {
            responses["401"] = error
            responses["403"] = error
        }
        result["responses"] = responses
        return result
    }
}
