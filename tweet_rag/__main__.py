"""`python -m tweet_rag SUBCOMMAND ...`: the same as the installed `tweet-rag` command."""

from tweet_rag.cli import main

if __name__ == "__main__":
    main()
