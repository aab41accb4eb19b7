"""A cheap, deliberately generous token count for any text, without a tokenizer: one estimate for every size.

Used where a text must fit a model's window: document chunks in the embedding model's context
(`rag.documents.build`) and the filled prompt in the chat model's context (`chains.llm`, which adds its own
margin). About 4 characters per token for ASCII, more tokens for the rest: extra UTF-8 bytes stand for
non-ASCII characters, so a CJK character (3 bytes) counts about one token, an emoji (4 bytes) about one and a
half, an accented letter (2 bytes) about two thirds.
"""

from __future__ import annotations


def estimate_tokens(text: str) -> int:
    """About how many tokens `text` is, erring high (see the module docstring for the rates)."""
    extra_bytes = len(text.encode("utf-8")) - len(text)
    return (len(text) + 2 + int(extra_bytes * 1.6)) // 4 + 1
