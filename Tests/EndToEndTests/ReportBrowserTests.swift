import Foundation
import Testing
import TestSupport

/// The html report opened in a real headless Chromium (Debian's `chromium`,
/// installed by `make deps`): its charts are in the rendered page, a
/// screenshot is drawn, and no request leaves the page. Set
/// GITDESK_REPORT_SCREENSHOT=FILE.png to keep the screenshot and look at it.
@Suite struct ReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Headless Chromium with the browser's own background traffic turned down
    /// and every host name unresolvable; its net log is written to `netLog`.
    func browse(_ sandbox: Sandbox, _ args: [String], page: String, netLog: String) throws -> Sandbox.Result {
        let chromium = try #require(Self.chromium, "Chromium is not installed (make deps installs Debian's chromium package)")
        let r = try sandbox.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                           "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
                                           "--log-net-log=" + sandbox.path(netLog),
                                           "--user-data-dir=" + sandbox.path("chromium-profile")] + args + ["file://" + sandbox.path(page)])
        try #require(r.status == 0, "Chromium could not start or render the page: \(r.stderr.suffix(800))")
        return r
    }

    /// Requests the page itself made (a file:// page's origin is opaque: `null`);
    /// the browser's own background requests have no origin.
    func pageRequests(_ sandbox: Sandbox, _ netLog: String) throws -> Int {
        try sandbox.read(netLog).components(separatedBy: "\"initiator\":\"null\"").count - 1
    }

    @Test func theHTMLReportRendersItsChartsOfflineInChromium() throws {
        let d = try TestDesk()
        let a = try d.new(priority: "urgent", at: "2024-05-06T09:00:00+08:00")
        try d.ok(["move", a, "in_progress"], as: "zhang", at: "2024-05-06T09:30:00+08:00")
        try d.ok(["resolve", a, "--solution", "补发订单", "--root-cause", "接口超时"], as: "zhang", at: "2024-05-06T10:00:00+08:00")
        try d.ok(["confirm", a, "--rating", "4"], as: "li", at: "2024-05-06T11:00:00+08:00")
        _ = try d.new(type: "fault", priority: "high", title: "无法开机", at: "2024-05-20T10:00:00+08:00")
        try d.ok(["report", "--month", "2024-05", "--format", "html", "--lang", "zh", "-o", d.sandbox.path("may.html")], at: "2024-06-02T10:00:00+08:00")
        let html = try d.sandbox.read("may.html")
        // Nothing in the page can reach the network: a CSP forbidding every load, and no URL at all.
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script") && !html.contains("src="))
        #expect(html.contains("@media print"))

        let dom = try browse(d.sandbox, ["--dump-dom"], page: "may.html", netLog: "net.json").stdout
        #expect(dom.components(separatedBy: "<svg").count - 1 == 4, "charts in the rendered page")
        #expect(dom.contains("问题类型占比") && dom.contains("满意度分布") && dom.contains("各优先级 SLA 达标率") && dom.contains("每周工单量"))
        #expect(try pageRequests(d.sandbox, "net.json") == 0, "the page made a request")

        _ = try browse(d.sandbox, ["--screenshot=" + d.sandbox.path("may.png"), "--window-size=1200,1400"], page: "may.html", netLog: "net2.json")
        let png = try Data(contentsOf: URL(fileURLWithPath: d.sandbox.path("may.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank 1200×1400 page compresses to a few KB; charts and tables in colour take far more.
        #expect(png.count > 30_000, "screenshot looks blank: \(png.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["GITDESK_REPORT_SCREENSHOT"] {
            try png.write(to: URL(fileURLWithPath: keep))
        }

        // The check above can see a request: the same page with an image from the network makes one.
        try d.sandbox.write("probe.html", html.replacingOccurrences(of: "default-src 'none'; ", with: "")
            .replacingOccurrences(of: "</body>", with: "<img src=\"http://probe.invalid/x.png\"></body>"))
        _ = try browse(d.sandbox, ["--dump-dom"], page: "probe.html", netLog: "net3.json")
        #expect(try pageRequests(d.sandbox, "net3.json") >= 1)
    }
}
