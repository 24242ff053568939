import Foundation
import Hummingbird
import Mustache

/// Renders the workbench's pages from the mustache templates bundled with the server (`Resources/templates`).
///
/// Each page is its own template rendered into `layout.mustache`, which holds the header, the navigation, the
/// sign-in state and the links to `/static/stroma.css` and `/static/stroma.js`. Values are HTML-escaped by
/// mustache (`{{name}}`); only SVG made by StromaPlot is inserted raw (`{{{svg}}}`).
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every template in the bundle.
    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources")
        else {
            throw HTTPError(.internalServerError, message: "the server's templates are missing from its bundle")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path))
    }

    /// The HTML of `template` with `data`, inside the layout.
    func html(_ template: String, title: String, data: [String: Any], context: StromaRequestContext) -> String {
        var values = data
        values["csrf_token"] = context.csrfToken ?? ""
        if let identity = context.identity {
            values["signed_in"] = ["name": identity.name, "role": identity.role.rawValue]
        }
        let body = library.render(values, withTemplate: template) ?? ""
        var layout = values
        layout["title"] = title
        layout["body"] = body
        layout["nav_\(data["nav"] as? String ?? "")"] = true
        return library.render(layout, withTemplate: "layout") ?? body
    }

    /// A page response.
    func page(
        _ template: String, title: String, data: [String: Any], context: StromaRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let text = html(template, title: title, data: data, context: context)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
