import GitdeskCLI

Gitdesk.runMain()
