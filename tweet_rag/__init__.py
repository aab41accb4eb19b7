"""The `tweet-rag` command: subcommands `index`, `ask`, `serve` and `demo` over the library."""
