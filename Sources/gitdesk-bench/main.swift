print("gitdesk-bench")
