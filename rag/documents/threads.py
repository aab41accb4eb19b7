"""Group the owner's self-reply chains into threads.

A tweet continues a thread when it replies to the owner's own account (`in_reply_to_user_id_str` equals the
account id; user ids, not screen names, which go stale after renames) and its parent is in the archive. A
reply whose parent is missing (deleted) starts a new thread. Branches (two self-replies to one tweet) stay
in their root's thread. Tweets are ordered by id: snowflake ids order by time at millisecond resolution,
`created_at` only to the second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rag.archive.tweet import Tweet


@dataclass(slots=True)
class TweetGroup:
    """One tweet on its own, or a thread (two or more tweets, ordered by id, the root first)."""

    tweets: tuple[Tweet, ...]

    @property
    def is_thread(self) -> bool:
        """Whether the group is a thread of several tweets."""
        return len(self.tweets) > 1

    @property
    def root(self) -> Tweet:
        """The first tweet of the group."""
        return self.tweets[0]


def group_threads(tweets: Iterable[Tweet], account_id: str | None) -> list[TweetGroup]:
    """Every tweet in exactly one group; groups ordered by their root's id.

    With no known account id, any reply whose parent is in the archive counts as a self-reply (an
    archive holds only its owner's tweets).
    """
    ordered = sorted(tweets, key=lambda tweet: int(tweet.id))
    root_of: dict[str, str] = {}
    members: dict[str, list[Tweet]] = {}
    for tweet in ordered:  # parents have smaller ids, so they are placed (in root_of) before their replies
        parent = tweet.in_reply_to_status_id
        if (
            parent is not None
            and parent in root_of
            and tweet.kind != "retweet"
            and (account_id is None or tweet.in_reply_to_user_id == account_id)
        ):
            root = root_of[parent]
            members[root].append(tweet)
        else:
            root = tweet.id
            members[root] = [tweet]
        root_of[tweet.id] = root
    return [TweetGroup(tuple(group)) for group in members.values()]
