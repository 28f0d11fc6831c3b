/// The command that copies one object from another clone into this one,
/// whatever its type: `git hash-object -w --stdin -t TYPE` fed by the other
/// clone's `git cat-file TYPE ID`. (`git cat-file -p` would pretty-print a
/// tree, which does not hash back to the same ID.)
enum ObjectCopyAdvice {
    /// The shell command, in backticks, with `OTHER` for the other clone's path.
    static func command(_ hex: String) -> String {
        "`t=$(git -C OTHER cat-file -t \(hex)) && git -C OTHER cat-file $t \(hex) | git hash-object -w --stdin -t $t`"
    }
}
