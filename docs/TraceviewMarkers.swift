// TraceviewMarkers.swift — emits the `TVMARK v1` lines described in docs/markers.md.
//
// Drop this file into the app and call the functions from the session delegate and the app
// delegate. Every line is logged public, so release devices keep its values.

import Foundation
import os

enum TraceviewMarkers {
    private static let log = Logger(subsystem: Bundle.main.bundleIdentifier ?? "app", category: "TVMARK")

    /// One marker line: `TVMARK v1 <event> key=value ...` (pairs in the given order).
    static func emit(_ event: String, _ pairs: [(String, String?)]) {
        var line = "TVMARK v1 \(event)"
        for (key, value) in pairs {
            guard let value else { continue }
            line += " \(key)=\(encode(value))"
        }
        log.log("\(line, privacy: .public)")
    }

    /// Bare when safe, else quoted with `\"` and `\\` escaped.
    private static func encode(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" || $0.isNewline })
        guard needsQuotes else { return value }
        let escaped = value
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
        return "\"\(escaped)\""
    }

    static func sessionCreate(_ session: URLSession) {
        emit("session.create", [("id", session.configuration.identifier)])
    }

    static func taskCreate(_ session: URLSession, _ task: URLSessionTask) {
        emit("task.create", [
            ("id", session.configuration.identifier),
            ("tid", String(task.taskIdentifier)),
            ("kind", kind(of: task)),
            ("desc", task.taskDescription),
        ])
    }

    static func taskResume(_ session: URLSession, _ task: URLSessionTask) {
        emit("task.resume", [("id", session.configuration.identifier), ("tid", String(task.taskIdentifier))])
    }

    static func taskWaiting(_ session: URLSession, _ task: URLSessionTask) {
        emit("task.waiting", [("id", session.configuration.identifier), ("tid", String(task.taskIdentifier))])
    }

    static func taskComplete(_ session: URLSession, _ task: URLSessionTask, _ error: Error?) {
        let nsError = error as NSError?
        let reason = nsError?.userInfo[NSURLErrorBackgroundTaskCancelledReasonKey] as? Int
        let http = (task.response as? HTTPURLResponse)?.statusCode
        emit("task.complete", [
            ("id", session.configuration.identifier),
            ("tid", String(task.taskIdentifier)),
            ("error", nsError?.domain ?? "none"),
            ("code", String(nsError?.code ?? 0)),
            ("reason", reason.map(String.init)),
            ("http", http.map(String.init)),
        ])
    }

    static func handleEvents(_ identifier: String) {
        emit("handleEvents", [("id", identifier)])
    }

    static func handleEventsCompletionCalled(_ identifier: String) {
        emit("handleEvents.completion.called", [("id", identifier)])
    }

    static func didFinishEvents(_ session: URLSession) {
        emit("didFinishEvents", [("id", session.configuration.identifier)])
    }

    static func sessionInvalidate(_ session: URLSession) {
        emit("session.invalidate", [("id", session.configuration.identifier)])
    }

    private static func kind(of task: URLSessionTask) -> String {
        switch task {
        case is URLSessionUploadTask: return "upload"  // before data: an upload task is a data task
        case is URLSessionDownloadTask: return "download"
        default: return "data"
        }
    }
}
