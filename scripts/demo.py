"""The demo `make demo` runs: `python scripts/demo.py [--index-dir DIR] [--ask QUESTION]`.

The same as `tweet-rag demo` (see `tweet_rag/demo.py`): index the sample archive and answer three
questions, with Ollama when one answers and with the built-in stand-in otherwise.
"""

from tweet_rag.cli import run

if __name__ == "__main__":
    run("demo")
