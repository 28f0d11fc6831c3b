import GitdeskCLI

Gitdesk.main()
