"""Debian changelog entries become dated posts the archive loader reads (hand-made changelog, worked ids)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from devtools.changelog_posts import changelog_posts, parse_changelog, post_id, write_posts_archive
from rag.archive.reader import read_archive
from rag.archive.tweet import snowflake_ms
from rag.errors import ArchiveError

CHANGELOG = """\
ikiwiki (3.20110707) unstable; urgency=low

  * userlist: New plugin, lets admins see a list of users and their info.
  * attachment: Files can be dragged into the edit page to upload them.
    Multiple file batch upload support. (Sponsored by The TOVA Company.)

 -- Joey Hess <joeyh@debian.org>  Thu, 07 Jul 2011 22:49:13 -0400

ikiwiki (3.20190228-1) unstable; urgency=high

  [ Simon McVittie ]
  * New upstream release
    - aggregate: Use LWPx::ParanoidAgent if available.
      (CVE-2019-9187)
    - po: Always filter .po files. (Closes: #911356)
  * Security fix: keep this heading, it is not a bare release line
    - one sub-bullet

 -- Simon McVittie <smcv@debian.org>  Tue, 26 Feb 2019 23:04:42 +0000

ikiwiki (1.0) unstable; urgency=low

  * First official release.

 -- Joey Hess <joeyh@debian.org>  Tue, 25 Apr 2006 01:53:41 -0400
"""


def test_entries_keep_author_version_and_utc_date() -> None:
    entries = parse_changelog(CHANGELOG)
    assert [e.version for e in entries] == ["3.20110707", "3.20190228-1", "1.0"]
    assert entries[0].author == "Joey Hess"
    # 22:49 at -0400 is 02:49 the next day in UTC.
    assert entries[0].date == datetime(2011, 7, 8, 2, 49, 13, tzinfo=UTC)


def test_each_bullet_or_sub_bullet_is_one_post_with_wrapped_lines_joined() -> None:
    texts = [post.text for post in changelog_posts(CHANGELOG)]
    assert texts == [
        "userlist: New plugin, lets admins see a list of users and their info.",
        "attachment: Files can be dragged into the edit page to upload them. "
        "Multiple file batch upload support. (Sponsored by The TOVA Company.)",
        # the bare "New upstream release" heading is dropped; its sub-bullets are posts
        "aggregate: Use LWPx::ParanoidAgent if available. (CVE-2019-9187)",
        "po: Always filter .po files. (Closes: #911356)",
        "Security fix: keep this heading, it is not a bare release line",
        "one sub-bullet",
        "First official release.",
    ]


def test_ids_are_snowflakes_after_november_2010_and_sequential_before() -> None:
    posts = changelog_posts(CHANGELOG)
    # Worked by hand: 2011-07-08T02:49:13Z is 1310093353 s; (1310093353000 - 1288834974657) << 22 = ...
    assert posts[0].id == str((1310093353000 - 1288834974657) << 22)
    assert posts[1].id == str(((1310093353000 - 1288834974657) << 22) + 1)
    assert snowflake_ms(posts[1].id) == 1310093353000
    # 2006-04-25T05:53:41Z is 1145944421 s: seconds * 100 + index, not read as a snowflake.
    assert posts[-1].id == "114594442100"
    assert snowflake_ms(posts[-1].id) is None
    assert post_id(datetime(2006, 4, 25, 5, 53, 41, tzinfo=UTC), 3) == "114594442103"


def test_a_version_written_twice_is_refused() -> None:
    twice = CHANGELOG.split("ikiwiki (1.0)")[0] * 2
    with pytest.raises(ArchiveError, match=r"ikiwiki 3\.20110707 twice"):
        changelog_posts(twice)


def test_two_entries_of_one_second_number_on_from_the_older_one() -> None:
    # alien's changelog dates 0.1 and 0.2 at one second; the older entry keeps the ids it would have alone.
    renamed = CHANGELOG.replace("ikiwiki (1.0) unstable", "ikiwiki (0.9) unstable")
    same_second = renamed.split("ikiwiki (0.9)")[1]
    newer = "ikiwiki (1.0)" + same_second.replace("First official release.", "Second entry, same second.")
    changelog = CHANGELOG.split("ikiwiki (1.0)")[0] + newer + "\nikiwiki (0.9)" + same_second
    posts = changelog_posts(changelog)
    assert [(post.version, post.id) for post in posts[-2:]] == [
        ("1.0", "114594442101"),
        ("0.9", "114594442100"),
    ]
    assert len({post.id for post in posts}) == len(posts)


def test_more_posts_in_one_second_than_old_ids_hold_is_refused() -> None:
    many = "\n".join(f"  * Change {n}." for n in range(101))
    trailer = " -- Joey Hess <j@d.org>  Tue, 25 Apr 2006 01:53:41 -0400"
    changelog = f"ikiwiki (0.1) unstable; urgency=low\n\n{many}\n\n{trailer}\n"
    with pytest.raises(ArchiveError, match="more than 100 changelog posts"):
        changelog_posts(changelog)


def test_the_archive_loader_reads_the_posts_with_their_dates(tmp_path: Path) -> None:
    posts = changelog_posts(CHANGELOG)
    assert write_posts_archive(tmp_path / "archive", posts, account_id="42", user_name="changelog") == 7
    contents = read_archive(tmp_path / "archive")
    by_id = {tweet.id: tweet for tweet in contents.tweets}
    assert set(by_id) == {post.id for post in posts}
    for post in posts:
        tweet = by_id[post.id]
        assert tweet.text == post.text
        assert tweet.created_ts == int(post.created.timestamp())
        assert tweet.kind == "tweet"
    assert contents.account.screen_name == "changelog"
