"""Turn tweets and threads into LangChain Documents with the metadata contract, split to fit the embedder.

A tweet on its own is one Document (id = tweet id) and is never split. A thread's texts are joined with a
blank line; a thread or a long post longer than the chunk size is split by langchain-text-splitters'
RecursiveCharacterTextSplitter, measuring length with a cheap token estimate, and every chunk carries the
ids of the tweets it covers and where each starts in its text, so a citation can point at the exact tweet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.archive.text import iso_utc
from rag.archive.tweet import Account, Tweet
from rag.documents.threads import TweetGroup
from rag.embedding_models import model_info
from rag.errors import ConfigError
from rag.token_estimate import estimate_tokens

THREAD_SEPARATOR = "\n\n"
MAX_DEFAULT_CHUNK_TOKENS = 512
"""Retrieval works better on passages than on whole long threads, even for long-context embedders."""
PREFIX_ALLOWANCE = 16
"""Tokens kept free for the model's document prefix (`search_document: `)."""
MIN_CHUNK_TOKENS = 32
_SEPARATORS = ["\n\n", "\n", "。", ". ", "! ", "? ", "、", ", ", " ", ""]


def default_chunk_tokens(embed_model: str) -> int:
    """Chunk size in tokens for an embedding model: its context minus room for its prefix, at most 512."""
    context = model_info(embed_model).context_tokens
    return max(MIN_CHUNK_TOKENS, min(context, MAX_DEFAULT_CHUNK_TOKENS) - PREFIX_ALLOWANCE)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A chunk of a group's text: [start, end) in the joined text."""

    text: str
    start: int
    end: int


class DocumentBuilder:
    """Builds Documents from tweet groups for one account and one chunk size."""

    def __init__(
        self, account: Account, *, embed_model: str = "nomic-embed-text", chunk_tokens: int | None = None
    ):
        context = model_info(embed_model).context_tokens
        if chunk_tokens is None:
            chunk_tokens = default_chunk_tokens(embed_model)
        if chunk_tokens < MIN_CHUNK_TOKENS or chunk_tokens > context:
            raise ConfigError(
                f"chunk size {chunk_tokens} tokens does not fit {embed_model} (context {context} tokens): "
                f"use a value between {MIN_CHUNK_TOKENS} and {context}"
            )
        self.account = account
        self.chunk_tokens = chunk_tokens
        self._url_prefix = account.tweet_url("")
        self._screen_name = account.screen_name or ""
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_tokens,
            chunk_overlap=chunk_tokens // 10,
            length_function=estimate_tokens,
            separators=_SEPARATORS,
            keep_separator="end",
        )

    def build(self, groups: Sequence[TweetGroup]) -> Iterator[Document]:
        """Documents for every group, in order."""
        for group in groups:
            yield from self.group_documents(group)

    def group_documents(self, group: TweetGroup) -> list[Document]:
        """The Documents of one tweet or thread."""
        if group.is_thread:
            return self.thread_documents(group.tweets)
        return self.tweet_documents(group.root)

    def tweet_documents(self, tweet: Tweet) -> list[Document]:
        """One Document for a tweet; several for a long post that exceeds the chunk size."""
        if tweet.is_long and estimate_tokens(tweet.text) > self.chunk_tokens:
            return self._split([tweet], tweet.text, [0], tweet.kind)
        return [self._document(tweet.id, tweet.text, [tweet], [0], tweet.kind, 0, 1)]

    def thread_documents(self, tweets: Sequence[Tweet]) -> list[Document]:
        """Documents of a thread: its texts joined by a blank line, split into chunks when too long."""
        offsets: list[int] = []
        position = 0
        for tweet in tweets:
            offsets.append(position)
            position += len(tweet.text) + len(THREAD_SEPARATOR)
        text = THREAD_SEPARATOR.join(tweet.text for tweet in tweets)
        if estimate_tokens(text) <= self.chunk_tokens:
            return [self._document(f"{tweets[0].id}#0", text, list(tweets), offsets, "thread", 0, 1)]
        return self._split(list(tweets), text, offsets, "thread")

    def _split(self, tweets: list[Tweet], text: str, starts: list[int], kind: str) -> list[Document]:
        pieces = self._pieces(text)
        documents = []
        for number, piece in enumerate(pieces):
            covered: list[Tweet] = []
            offsets: list[int] = []
            for index, tweet in enumerate(tweets):
                start = starts[index]
                end = start + len(tweet.text)
                if start < piece.end and end > piece.start:
                    covered.append(tweet)
                    offsets.append(max(0, start - piece.start))
            if not covered:  # cannot happen for a piece of the text, but never emit an unattributed chunk
                covered, offsets = [tweets[0]], [0]
            documents.append(
                self._document(
                    f"{tweets[0].id}#{number}", piece.text, covered, offsets, kind, number, len(pieces)
                )
            )
        return documents

    def _pieces(self, text: str) -> list[_Piece]:
        pieces: list[_Piece] = []
        search_from = 0
        for chunk in self._splitter.split_text(text):
            start = text.find(chunk, search_from)
            if start < 0:
                start = text.find(chunk)
            if start < 0:  # the splitter only strips whitespace, so this is a safety net
                start = search_from
            pieces.append(_Piece(chunk, start, start + len(chunk)))
            search_from = start + 1
        return pieces

    def _document(
        self,
        doc_id: str,
        text: str,
        tweets: Sequence[Tweet],
        offsets: Sequence[int],
        kind: str,
        chunk: int,
        chunks: int,
    ) -> Document:
        first = tweets[0]
        if len(tweets) == 1:
            tweet_ids, tweet_offsets = first.id, "0"
            hashtags: Iterable[str] = first.hashtags
            mentions: Iterable[str] = first.mentions
            is_long, is_deleted = first.is_long, first.is_deleted
            likes, retweets = first.like_count, first.retweet_count
        else:
            tweet_ids = ",".join(tweet.id for tweet in tweets)
            tweet_offsets = ",".join(str(offset) for offset in offsets)
            hashtags = dict.fromkeys(tag for tweet in tweets for tag in tweet.hashtags)
            mentions = dict.fromkeys(name for tweet in tweets for name in tweet.mentions)
            is_long = any(tweet.is_long for tweet in tweets)
            is_deleted = any(tweet.is_deleted for tweet in tweets)
            likes = sum(tweet.like_count for tweet in tweets)
            retweets = sum(tweet.retweet_count for tweet in tweets)
        kind_of_first = first.kind
        metadata: dict[str, str | int | float | bool] = {
            "tweet_id": first.id,
            "tweet_ids": tweet_ids,
            "tweet_offsets": tweet_offsets,
            "url": self._url_prefix + first.id,
            "screen_name": self._screen_name,
            "created_at": iso_utc(first.created_ts),
            "created_ts": first.created_ts,
            "kind": kind,
            "is_retweet": kind_of_first == "retweet",
            "is_reply": kind_of_first == "reply",
            "is_long": is_long,
            "is_deleted": is_deleted,
            "lang": first.lang,
            "like_count": likes,
            "retweet_count": retweets,
            "hashtags": " ".join(["#" + tag for tag in hashtags if tag]),
            "mentions": " ".join(["@" + name for name in mentions if name]),
            "chunk": chunk,
            "chunks": chunks,
        }
        return new_document(doc_id, text, metadata)


_FIELDS_SET = frozenset({"page_content", "metadata", "id"})
_new_object = Document.__new__
_set_attribute = object.__setattr__
_DIRECT = (
    tuple(Document.model_fields) == ("id", "metadata", "page_content", "type")
    and Document.__pydantic_post_init__ is None
    and Document.model_config.get("extra") != "allow"
)
"""Whether Document still has the shape `new_document` builds directly (else it uses model_construct)."""


def new_document(doc_id: str, text: str, metadata: dict[str, str | int | float | bool]) -> Document:
    """A Document equal to `Document(page_content=text, metadata=metadata, id=doc_id)`, unvalidated.

    Every value is already a plain str / int / bool, so pydantic's validation (about 10 us a document) and
    even `Document.model_construct`'s generic field loop (about 5 us) would only re-check what is known. This
    sets exactly the state `model_construct` sets, in the model's field order (a unit test compares the
    result with a validated Document: equality, `model_dump()` and `model_fields_set`). Should a later
    langchain-core change Document's fields, `model_construct` is used instead.
    """
    if not _DIRECT:
        return Document.model_construct(
            set(_FIELDS_SET), page_content=text, metadata=metadata, id=doc_id, type="Document"
        )
    document = _new_object(Document)
    _set_attribute(
        document,
        "__dict__",
        {"id": doc_id, "metadata": metadata, "page_content": text, "type": "Document"},
    )
    _set_attribute(document, "__pydantic_fields_set__", set(_FIELDS_SET))
    _set_attribute(document, "__pydantic_extra__", None)
    _set_attribute(document, "__pydantic_private__", None)
    return document
