import Foundation
import Hummingbird

/// The workbench's CSS and JavaScript (`Resources/static`), loaded once and served from memory under
/// `/static/NAME` — no CDN, so the workbench works offline.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var bytes: ByteBuffer
    }

    let assets: [String: Asset]

    static func bundled() throws -> StaticAssets {
        var assets: [String: Asset] = [:]
        if let directory = Bundle.module.url(forResource: "static", withExtension: nil, subdirectory: "Resources") {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            for name in names where !name.hasPrefix(".") {
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                let type: String
                switch (name as NSString).pathExtension {
                case "css": type = "text/css; charset=utf-8"
                case "js": type = "text/javascript; charset=utf-8"
                case "svg": type = "image/svg+xml"
                case "png": type = "image/png"
                default: type = "application/octet-stream"
                }
                assets[name] = Asset(contentType: type, bytes: ByteBuffer(bytes: data))
            }
        }
        return StaticAssets(assets: assets)
    }

    func addRoutes(to router: Router<StromaRequestContext>) {
        router.get("/static/:name") { _, context -> Response in
            let name = try context.parameters.require("name")
            guard let asset = assets[name] else {
                throw HTTPError(.notFound, message: "no static file '\(name)'")
            }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: asset.bytes))
        }
    }
}
