"""The `tweet-rag` command: subcommands `index`, `ask`, `serve` and `demo` (see `tweet_rag.cli`)."""
