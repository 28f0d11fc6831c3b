import Foundation
import Testing
@testable import GitKit

@Suite struct RepositoryTests {
    @Test func createMakesAnUnbornMainBranch() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        #expect(try repo.head() == .unborn(name: "refs/heads/main"))
        #expect(try repo.isEmpty)
        #expect(!repo.isBare)
        #expect(repo.workdir == sandbox.path + "/repo")
        #expect(repo.gitDir == sandbox.path + "/repo/.git")
        #expect(repo.path == repo.workdir)
        #expect(try repo.referenceTarget("HEAD") == nil)
        let symbolic = try git(["symbolic-ref", "HEAD"], in: sandbox.path + "/repo")
        #expect(symbolic.output == "refs/heads/main\n")
    }

    @Test func createBare() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository("server.git", bare: true)
        #expect(repo.isBare)
        #expect(repo.workdir == nil)
        #expect(repo.path == sandbox.path + "/server.git")
        #expect(try repo.head() == .unborn(name: "refs/heads/main"))
    }

    @Test func openWorkdirGitDirAndDiscoverFromSubdirectory() throws {
        let sandbox = Sandbox()
        _ = try sandbox.makeRepository()
        try sandbox.write("x", to: "repo/tickets/2024/05/keep")
        let byWorkdir = try Repository.open(path: sandbox.path + "/repo")
        let byGitDir = try Repository.open(path: sandbox.path + "/repo/.git")
        let discovered = try Repository.discover(from: sandbox.path + "/repo/tickets/2024/05")
        #expect(byWorkdir.gitDir == byGitDir.gitDir)
        #expect(discovered.workdir == sandbox.path + "/repo")
        // open does not search upwards.
        #expect(throws: GitError.self) { try Repository.open(path: sandbox.path + "/repo/tickets") }
    }

    @Test func openingANonRepositoryIsAClearNotFound() throws {
        let sandbox = Sandbox()
        do {
            _ = try Repository.open(path: sandbox.path)
            Issue.record("opened a directory that is no repository")
        } catch let error as GitError {
            #expect(error.code == .notFound)
            #expect(error.message.contains("could not find repository"))
            #expect(error.message.contains(sandbox.path))
            #expect(error.description.hasPrefix(error.message))
        }
    }

    @Test func errorsCarryLibgit2Text() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let missing = ObjectID(hex: String(repeating: "ab", count: 20))!
        do {
            _ = try repo.commit(missing)
            Issue.record("read a missing commit")
        } catch let error as GitError {
            #expect(error.code == .notFound)
            #expect(error.errorClass == .odb)
            #expect(error.message.contains("abababab"))
        }
    }

    @Test func configReadsTheRepositoryButNotTheDevelopersConfig() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        #expect(try repo.configString("user.name") == nil)
        try git(["config", "user.name", "王芳"], in: repo.path)
        try git(["config", "user.email", "wang@example.com"], in: repo.path)
        #expect(try repo.configString("user.name") == "王芳")
        #expect(try repo.configString("user.email") == "wang@example.com")
    }

    @Test func setConfigWritesTheRepositorysOwnFileThatGitReads() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        try repo.setConfig("receive.denyDeletes", to: true)
        try repo.setConfig("receive.denyNonFastForwards", to: false)
        #expect(try git(["config", "--local", "--get", "receive.denyDeletes"], in: repo.path).output == "true\n")
        #expect(try git(["config", "--local", "--get", "receive.denyNonFastForwards"], in: repo.path).output == "false\n")
        #expect(try repo.configString("receive.denyDeletes") == "true")
    }
}

/// Tests that change the process environment run one at a time.
@Suite(.serialized) struct EnvironmentTests {
    @Test func openFromEnvironmentSeesQuarantinedObjects() throws {
        let sandbox = Sandbox()
        let repo = try sandbox.makeRepository()
        let old = try repo.writeBlob(Array("before push\n".utf8))
        // Like receive-pack: new objects go to a quarantine directory.
        let quarantine = sandbox.path + "/quarantine"
        try FileManager.default.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
        try sandbox.write("pushed\n", to: "pushed.txt")
        let hashed = try git(["hash-object", "-w", sandbox.path + "/pushed.txt"], in: repo.path,
                             environment: ["GIT_OBJECT_DIRECTORY": quarantine,
                                           "GIT_ALTERNATE_OBJECT_DIRECTORIES": repo.gitDir + "/objects"])
        let pushed = try #require(ObjectID(hex: String(hashed.output.prefix(40))))
        #expect(throws: GitError.self) { try repo.blob(pushed) }

        setenv("GIT_DIR", repo.gitDir, 1)
        setenv("GIT_OBJECT_DIRECTORY", quarantine, 1)
        setenv("GIT_ALTERNATE_OBJECT_DIRECTORIES", repo.gitDir + "/objects", 1)
        defer {
            unsetenv("GIT_DIR")
            unsetenv("GIT_OBJECT_DIRECTORY")
            unsetenv("GIT_ALTERNATE_OBJECT_DIRECTORIES")
        }
        let hook = try Repository.openFromEnvironment()
        #expect(hook.gitDir == repo.gitDir)
        #expect(try hook.blob(pushed) == Array("pushed\n".utf8))
        #expect(try hook.blob(old) == Array("before push\n".utf8))
    }
}
