import ArgumentParser

public struct Gitdesk: ParsableCommand {
    public init() {}
    public func run() throws {}
}
