"""Write the small sample archive the project ships (sample/twitter-sample), in the real current X format.

The person, the accounts and every text are fictional and written for this project: Tessa Lindqvist
(@tessa_demo) bakes sourdough, rides bikes, writes Rust, moves from Manchester to Lisbon in 2021 and adopts a
cat called Pastel. The archive has what real archives have (see the shared ARCHIVE_FORMAT.md): a manifest,
wrapped tweet records with every number as a string, HTML-escaped `full_text` with t.co links and entity
indices into the escaped text, a long post in `note-tweet.js` (its note id 16 ms before the tweet id), a
self-reply thread, retweets cut at 140 characters, replies to others, a quote tweet, an edited tweet in two
versions, a media-only tweet and one deleted tweet. Tweet ids are snowflakes consistent with `created_at`.
The output is deterministic: running the script twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rag.archive.text import archive_date
from rag.archive.tweet import snowflake_id
from rag.archive.tweet import snowflake_ms as rag_snowflake_ms

ACCOUNT_ID = "483920175"
SCREEN_NAME = "tessa_demo"
DISPLAY_NAME = "Tessa Lindqvist (sample)"
GENERATED_AT = "2024-11-16T09:30:12.000Z"
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "sample" / "twitter-sample"

# Fictional accounts: screen name -> (display name, user id).
ACCOUNTS: dict[str, tuple[str, str]] = {
    "ruth_proofs": ("Ruth Okonjo", "318224907"),
    "dani_on_wheels": ("Dani Ferreira", "402118865"),
    "crumb_club_uk": ("Crumb Club", "1184320275"),
    "ferris_notes": ("Ferris Notes", "2711093048"),
    "jo_bakes_bread": ("Jo Marsh", "1502837719"),
    "pedala_lx": ("Pedala Lisboa", "1390011223344556032"),
    SCREEN_NAME: (DISPLAY_NAME, ACCOUNT_ID),
}

SOURCES = {
    "web": '<a href="http://twitter.com" rel="nofollow">Twitter Web Client</a>',
    "android": '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
    "iphone": '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
    "webapp": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
}

URL_MARK = re.compile(r"\{url:([^}]+)\}")
HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
MENTION = re.compile(r"(?<!\w)@(\w+)")


@dataclass
class Post:
    """One tweet to write: its time, text (with `{url:...}` marks) and what kind of tweet it is."""

    when: str
    text: str
    likes: int = 0
    retweets: int = 0
    photos: int = 0
    lang: str = "en"
    reply_to: str | None = None  # screen name of another account this replies to
    quote_of: str | None = None  # screen name of the quoted account
    long_text: str | None = None  # the whole text of a long post (note tweet)
    edited_text: str | None = None  # the text after an edit (two versions are written)
    deleted: bool = False
    source: str = ""


LONG_POST = (
    "Why I'm moving to Lisbon, in one long post because it doesn't fit in a tweet.\n\n"
    "I've worked remotely for a Rust team since October, so the job comes with me. After nine winters of "
    "riding to work in Manchester rain, I want to cycle all year round, and Lisbon has the light, the river "
    "and about 300 days of sun.\n\n"
    "I fell for the city on a holiday in 2018: the tiled streets, a bakery on every corner, people "
    "staying out talking until late.\n\n"
    "It won't all be easy: the hills are steep, my Portuguese is basic & I will miss my friends and the "
    "Saturday club rides. But the flat has a balcony for the bike and a little oven, and Gerald II (the "
    "starter) travels in my hand luggage.\n\n"
    "Wish me luck. Obrigada! #LisbonByBike"
)

THREAD = (
    "I rode from Lisbon to Porto over three days: 320 km along the coast, mostly on the EuroVelo 1. "
    "A thread on how it went. 🧵 (1/6)",
    "Day 1, Lisbon to Peniche (95 km). Headwind the whole way up the coast, but the fish soup in Peniche "
    "fixed everything. (2/6)",
    "Day 2, Peniche to Figueira da Foz (125 km). Pine forests, empty roads and a puncture at km 80 that "
    "took 40 minutes to fix because I had packed the wrong size of spare tube. (3/6)",
    "Day 3, Figueira da Foz to Porto (100 km). Boardwalks along the beaches for hours, then the bridge "
    "into Porto at sunset. (4/6)",
    "Kit that worked: two small panniers, a gravel bike on 40 mm tyres, a sourdough loaf for day one. "
    "Kit that didn't: that spare tube. Always check the size. (5/6)",
    "Train back to Lisbon with the bike for €18. Next spring I want to go on to Galicia. #LisbonByBike (6/6)",
)
THREAD_START = "2023-04-22 18:02:11"

# fmt: off
POSTS: tuple[Post, ...] = (
    # 2012: Manchester, the first starter, the first commute by bike.
    Post("2012-02-11 09:14:05", "First loaf from the new starter. Dense as a brick, but it's MY brick. "
         "#sourdough", likes=3, photos=1, source="web"),
    Post("2012-03-02 18:40:12", "Named the starter Gerald. Feeding him twice a day like a needy pet.",
         likes=5, source="web"),
    Post("2012-05-19 07:55:40", "Rode to work for the first time: 14 km, one wrong turn, zero regrets. Legs "
         "have opinions though.", likes=4, source="android"),
    Post("2012-08-25 20:03:01", "RT @crumb_club_uk: The secret ingredient in every good loaf is time. "
         "Flour, water and salt do the rest.", source="web"),
    Post("2012-10-07 12:22:48", "@ruth_proofs Yes! A 40 minute autolyse made the crumb so much more open. "
         "Thanks for the tip.", likes=1, reply_to="ruth_proofs", source="web"),
    Post("2012-12-15 16:30:00", "Hot chocolate, a finished Python script that renamed 400 photos, and rain "
         "outside. Good Saturday.", likes=2, source="web"),
    # 2013
    Post("2013-02-03 10:01:17", "Tried a 75% hydration dough today. It poured off the bench like pancake "
         "batter. Back to 68% & humility. #sourdough", likes=6, source="android"),
    Post("2013-04-21 14:45:09", "Bought a second-hand steel road bike from a man called Clive. It's blue, "
         "it's heavy, it's perfect.", likes=8, photos=1, source="android"),
    Post("2013-06-30 19:12:55", "First 100 km ride done: Manchester to the Peak District and back. Ate four "
         "flapjacks and a pie.", likes=11, source="android"),
    Post("2013-09-14 08:30:22", "RT @dani_on_wheels: Reminder that the best bike is the one you actually "
         "ride. Go outside.", source="android"),
    Post("2013-11-28 21:05:44", "Learning C in the evenings. Segfaults are just the computer's way of "
         "saying good night.", likes=4, source="web"),
    # 2014
    Post("2014-01-18 11:11:11", "Gerald the starter survived a week in the fridge while I was away. Fed him "
         "rye flour and he doubled in 6 hours. #sourdough", likes=7, source="android"),
    Post("2014-03-09 15:20:31", "@dani_on_wheels Which chain lube do you use in the wet? Mine is gone after "
         "one Manchester commute.", reply_to="dani_on_wheels", source="android"),
    Post("2014-05-25 17:48:02", "Baked for the street party: six loaves, two focaccias, one burnt hand. "
         "Worth it.", likes=14, photos=2, source="android"),
    Post("2014-08-16 06:40:09", "Sunrise ride before work. Empty roads, mist on the canal, a heron that did "
         "not care about me at all.", likes=9, source="android"),
    Post("2014-11-02 20:15:33", "My rule for side projects: if it isn't fun by the third evening, it goes "
         "in the drawer.", likes=12, retweets=2, source="web"),
    # 2015
    Post("2015-01-24 10:05:50", "Baker's percentages finally clicked: flour is 100% and everything else is "
         "relative to it. Made a tiny spreadsheet for it.", likes=5, source="web"),
    Post("2015-04-12 13:33:21", "RT @crumb_club_uk: Retard the dough overnight in the fridge for a more "
         "sour loaf and a blistered crust. Try 12 hours at 4°C and tell us how it went, bakers!",
         source="android"),
    Post("2015-06-06 19:45:00", "Rode 160 km around the Lake District today. Hardknott Pass made me walk. "
         "No shame.", likes=21, retweets=1, photos=1, source="android"),
    Post("2015-09-19 18:22:10", "@ruth_proofs I dust the banneton with rice flour now. Nothing sticks. Life "
         "changing.", likes=2, reply_to="ruth_proofs", source="android"),
    Post("2015-12-05 11:50:42", "Work is moving us from Perl to Python. Mixed feelings: I will miss nothing "
         "and everything.", likes=6, source="web"),
    # 2016: Rust arrives.
    Post("2016-02-14 19:30:27", "Started the Rust book on the train home. The borrow checker and I are not "
         "friends yet. #rustlang", likes=9, source="iphone"),
    Post("2016-05-01 08:12:13", "A loaf with 20% whole wheat and toasted sunflower seeds. Best one this "
         "year.", likes=17, photos=1, source="iphone"),
    Post("2016-07-23 16:45:38", "Rode coast to coast in three days with @dani_on_wheels. Sunburnt on one "
         "side only.", likes=15, source="iphone"),
    Post("2016-09-10 10:20:00", "RT @ferris_notes: Rust tip: when the compiler complains about a borrow, "
         "read the whole error. It usually tells you exactly what to change.", source="iphone"),
    Post("2016-11-26 21:40:05", "Wrote my first Rust program that compiled on the first try. It printed "
         "'hello'. Still counts. #rustlang", likes=13, source="web"),
    # 2017
    Post("2017-01-08 12:00:40", "New year, new starter: Gerald II, 100% rye. Gerald I retired to a friend's "
         "fridge in Leeds.", likes=10, source="iphone"),
    Post("2017-03-25 09:09:09", "Commute count for March: 19 of 20 days by bike. The one day I took the bus "
         "it rained on the bus.", likes=8, source="iphone"),
    Post("2017-06-17 14:27:51", "@jo_bakes_bread Try a Dutch oven at 250°C, 20 minutes lid on and 20 lid "
         "off. The crust will sing.", likes=3, reply_to="jo_bakes_bread", source="iphone"),
    Post("2017-08-05 07:30:00", "Camping trip by bike: panniers packed with a stove, a tent and a loaf "
         "wrapped in a tea towel.", likes=19, photos=1, source="iphone"),
    Post("2017-10-14 18:18:18", "Rewrote a slow log parser at work in Rust. 30 minutes down to 40 seconds. "
         "My manager asked if I had broken it. #rustlang", likes=42, retweets=7, source="web"),
    Post("2017-12-23 10:44:20", "Christmas stollen attempt. The marzipan escaped. We ate it anyway.",
         likes=7, photos=1, source="iphone"),
    # 2018: the Lisbon holiday.
    Post("2018-02-10 09:55:12", "Snow day. Baked, read, did not ride. The bike is judging me from the "
         "hallway.", likes=11, source="iphone"),
    Post("2018-04-28 17:02:44", "RT @dani_on_wheels: Spring club ride on Sunday, 80 km, café stop at the "
         "halfway point. Bring lights and a spare tube.", source="iphone"),
    Post("2018-06-09 11:37:29", "Proofing in a hot kitchen: the dough was ready in 3 hours instead of 5. "
         "Summer sourdough is a different sport. #sourdough", likes=8, source="iphone"),
    Post("2018-08-18 20:10:10", "Holiday in Lisbon. The light is something else, the hills are brutal on a "
         "bike, and the pastéis de nata are dangerous.", likes=24, photos=2, source="iphone"),
    Post("2018-10-20 15:03:33", "@ferris_notes The Manchester Rust meetup needs more talks. Would anyone "
         "come to one about bread maths?", likes=5, reply_to="ferris_notes", source="web"),
    Post("2018-12-01 09:21:40", "Year in numbers: 5,200 km ridden, 140 loaves baked, 1 Rust crate published "
         "(it rounds baker's percentages). #rustlang", likes=30, retweets=3, source="iphone"),
    # 2019: Rust in 2019 is one of the demo questions.
    Post("2019-01-19 13:13:13", "Ported my hydration calculator from Python to Rust. 40 lines, no panics, "
         "and cargo test caught two rounding bugs the Python version always had. #rustlang",
         likes=37, retweets=4, source="web"),
    Post("2019-03-16 10:40:00", "Rainy 90 km ride. Found a café that does beans on toast with sourdough. "
         "Instant loyalty.", likes=9, source="iphone"),
    Post("2019-05-11 19:45:12", "Gave my first meetup talk, 'Lifetimes for bakers': Rust's borrow checker "
         "explained with sourdough starters. Slides: {url:https://example.org/talks/lifetimes-for-bakers} "
         "#rustlang", likes=51, retweets=9, source="web"),
    Post("2019-07-27 08:05:50", "RT @crumb_club_uk: Your starter is not dead. It is hungry. Feed it, keep "
         "it warm, wait a day.", source="iphone"),
    Post("2019-09-07 16:16:16", "Hot take: Rust's compiler errors are the best documentation I've read this "
         "year. They teach you while you fail. #rustlang", likes=28, retweets=2, source="iphone"),
    Post("2019-11-23 11:58:03", "@ruth_proofs Gerald II is almost 3 now. Still rising, still smells of "
         "apples.", likes=4, reply_to="ruth_proofs", source="iphone"),
    # 2020
    Post("2020-03-28 10:30:00", "Lockdown baking: the whole street wants starter. Left 11 jars of Gerald II "
         "on doorsteps today. #sourdough", likes=63, retweets=5, photos=1, source="iphone"),
    Post("2020-04-18 18:20:00", "Indoor trainer in the spare room. 40 minutes staring at a wall going "
         "nowhere. Missing real roads.", likes=12, source="iphone"),
    Post("2020-06-13 09:00:12", "Working from home means bread on a proper schedule: mix at 9, fold every "
         "hour between meetings, bake at 5.", likes=18, source="webapp"),
    Post("2020-08-29 07:45:33", "First long ride since spring: 120 km, empty lanes and one very confused "
         "sheep.", likes=16, photos=1, source="iphone"),
    Post("2020-10-31 20:12:40", "Started a new job writing Rust with a fully remote team. Their code "
         "reviews are kinder than any I've had. #rustlang", likes=45, retweets=1, source="webapp"),
    Post("2020-12-19 14:44:44", "2020 was a lot. What helped: bread, the bike, and a team that ships slowly "
         "and carefully.", likes=22, source="webapp"),
    # 2021: the move to Lisbon (the long post).
    Post("2021-02-06 10:10:10", "Big news coming. Boxes everywhere. Gerald II will travel in a jar in my "
         "hand luggage.", likes=14, source="iphone"),
    Post("2021-03-20 21:30:45", "", likes=88, retweets=6, long_text=LONG_POST, source="webapp"),
    Post("2021-04-03 09:00:00", "Landed in Lisbon. Obrigada to everyone who helped pack. The flat has a "
         "balcony, a tiny oven and a view of the river.", likes=71, photos=1, source="iphone"),
    Post("2021-05-15 12:12:12", "Lisbon bakery report: the padaria downstairs sells a slow-fermented loaf. "
         "Mine is still better. Don't tell them. #sourdough", likes=19, source="iphone"),
    Post("2021-06-05 17:25:08", "Bought a second-hand gravel bike from a man called Rui. It's green, it's "
         "light, and the cobbles hate it. #LisbonByBike", likes=23, photos=1, source="iphone"),
    Post("2021-08-14 07:05:19", "Cycled the riverside path from Cais do Sodré to Belém at sunrise: flat, "
         "wide, full of joggers. Best commute I've ever had. #LisbonByBike", likes=34, source="iphone"),
    Post("2021-10-02 19:48:30", "@dani_on_wheels Come visit! I'll take you up the hill to Graça and you can "
         "hate me for it.", likes=2, reply_to="dani_on_wheels", source="iphone"),
    Post("2021-12-11 11:04:56", "RT @pedala_lx: Nova ciclovia na Avenida Almirante Reis aberta a partir de "
         "segunda-feira. Boas pedaladas!", lang="pt", source="iphone"),
    # 2022: Pastel the cat.
    Post("2022-01-22 15:36:27", "Adopted a cat from the shelter in Alcântara: orange, one folded ear, about "
         "4 years old. Her name is Pastel, after the pastéis de nata.",
         likes=140, retweets=3, photos=1, source="iphone"),
    Post("2022-02-12 10:02:03", "", likes=37, photos=1, lang="qme", source="iphone"),
    Post("2022-03-26 20:20:20", "Pastel has decided the banneton is her bed. I have decided to buy a second "
         "banneton.", likes=96, photos=1, source="iphone"),
    Post("2022-05-07 09:41:00", "Rust in production: our ingest service has run for 90 days without a "
         "restart. Boring is the goal. #rustlang", likes=58, retweets=6, source="webapp"),
    Post("2022-06-18 18:33:44", "Sintra loop by bike: 70 km, the climb to Pena Palace at 30°C and a cold "
         "bifana at the top. #LisbonByBike", likes=41, photos=2, source="iphone"),
    Post("2022-07-02 22:10:00", "Hot take: pineapple belongs in bread. Deleting this in five minutes.",
         deleted=True, source="iphone"),
    Post("2022-09-03 13:07:26", "@ruth_proofs Baking in Lisbon humidity: I dropped hydration to 70% and cut "
         "the bulk ferment by an hour. Works every time.", likes=6, reply_to="ruth_proofs", source="iphone"),
    Post("2022-11-12 21:58:09", "Pastel learned to open the cupboard with the flour in it. Send help.",
         likes=77, photos=1, source="iphone"),
    # 2023: a quote tweet, the thread, an edit.
    Post("2023-02-18 08:19:37", "This was me in my first month on Lisbon cobbles 😅 "
         "{url:https://twitter.com/dani_on_wheels/status/QUOTED}",
         likes=12, quote_of="dani_on_wheels", source="iphone"),
    Post("2023-06-10 12:00:00", "Pastel turned 5 today. She got a sardine and ignored it.",
         edited_text="Pastel turned 5 today (we think: the shelter guessed). She got a sardine and ignored "
         "it for the box it came in.", likes=120, photos=1, source="iphone"),
    Post("2023-08-19 06:51:02", "@jo_bakes_bread Lisbon summers are too hot for long proofs, so I bake at "
         "6am before the kitchen turns into a sauna.", likes=4, reply_to="jo_bakes_bread", source="iphone"),
    Post("2023-10-07 17:45:15", "RT @ferris_notes: New post: a tiny HTTP server in Rust, no dependencies, "
         "step by step, for anyone who learned Rust from errors: {url:https://example.org/tiny-http}",
         source="webapp"),
    Post("2023-12-09 08:08:08", "Twelve years of sourdough and I still get nervous opening the oven. "
         "#sourdough", likes=29, source="iphone"),
    # 2024
    Post("2024-01-20 10:15:40", "Gerald II turned 7 and has lived in two countries. Portuguese flour suits "
         "him. #sourdough", likes=33, source="iphone"),
    Post("2024-03-09 16:02:27", "Taught a sourdough workshop for the neighbours: ten people, ten jars of "
         "starter, one very curious cat.", likes=52, photos=2, source="iphone"),
    Post("2024-04-27 21:21:21", "Tried async closures in a Rust side project. Less boilerplate, same amount "
         "of thinking. #rustlang", likes=19, source="webapp"),
    Post("2024-06-15 19:40:03", "@dani_on_wheels Yes, the Porto ride again in September, and this time on "
         "to Santiago. Are you in?", likes=3, reply_to="dani_on_wheels", source="iphone"),
    Post("2024-08-03 07:58:46", "Riverside ride at 7am to beat the heat. Pastel was at the door when I got "
         "back, demanding breakfast. #LisbonByBike", likes=48, source="iphone"),
    Post("2024-09-21 09:30:00", "RT @crumb_club_uk: Bake along this Saturday: a 48-hour rye with caraway. "
         "Recipe and timings at the link below, and we'll answer questions all day long.", source="iphone"),
    Post("2024-10-12 20:04:31", "Santiago trip done: 610 km in seven days, Lisbon to Santiago de "
         "Compostela. Legs destroyed, heart full. #LisbonByBike",
         likes=87, retweets=4, photos=2, source="iphone"),
    Post("2024-11-05 13:24:09", "Wrote up the whole Lisbon to Santiago route, with maps and the cafés worth "
         "a stop: {url:https://example.com/blog/lisbon-to-santiago}", likes=31, retweets=5, source="webapp"),
)
# fmt: on


@dataclass
class Clock:
    """Hands out snowflake ids: the time part from the tweet's time, a sequence part that varies."""

    counter: int = 0

    def snowflake(self, moment: datetime, offset_ms: int | None = None) -> str:
        """A snowflake id for `moment` plus a millisecond offset (deterministic from a counter)."""
        self.counter += 1
        ms = int(moment.timestamp()) * 1000 + (
            offset_ms if offset_ms is not None else self.counter * 137 % 1000
        )
        sequence = (self.counter * 2654435761) % (1 << 22)
        return snowflake_id(ms, sequence)


def snowflake_ms(tweet_id: str) -> int:
    """The Unix time in milliseconds that a snowflake id encodes."""
    ms = rag_snowflake_ms(tweet_id)
    assert ms is not None, tweet_id  # every id here is a snowflake
    return ms


def parse_when(text: str) -> datetime:
    """A UTC datetime from 'YYYY-MM-DD HH:MM:SS'."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def twitter_date(moment: datetime) -> str:
    """`Tue Nov 05 13:24:09 +0000 2024`, with English names whatever the locale."""
    return archive_date(int(moment.timestamp()))


def iso_ms(ms: int, keep_ms: bool = True) -> str:
    """`2024-11-05T13:24:09.123Z` (or `.000Z` when `keep_ms` is false, as notes have it)."""
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    millis = ms % 1000 if keep_ms else 0
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{millis:03d}Z"


def short_code(seed: str) -> str:
    """A t.co-like 10 character code, deterministic from `seed`."""
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    value = 0
    for char in seed:
        value = (value * 131 + ord(char)) % (1 << 61)
    code = []
    for _ in range(10):
        value, digit = divmod(value * 6364136223846793005 + 1442695040888963407, len(alphabet))
        value %= 1 << 61
        code.append(alphabet[digit])
    return "".join(code)


def display_url(expanded: str) -> str:
    """What X shows for a link: no scheme, cut at 26 characters with an ellipsis."""
    bare = re.sub(r"^https?://(www\.)?", "", expanded)
    return bare if len(bare) <= 26 else bare[:25] + "…"


def edit_info(ids: Sequence[str], first_ms: int, current: str) -> dict[str, Any]:
    """`edit_info` as archives have it: `initial` on the first version, `edit` on the later ones."""
    control = {
        "editTweetIds": list(ids),
        "editableUntil": iso_ms(first_ms + 3_600_000),
        "editsRemaining": str(5 - (len(ids) - 1)),
        "isEditEligible": True,
    }
    if current == ids[0]:
        return {"initial": control}
    return {"edit": {"initialTweetId": ids[0], "editControlInitial": control}}


def build_entities(
    escaped: str, urls: Sequence[tuple[str, str]], media: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """Entities with indices into the escaped text (code points, as strings)."""
    hashtags = [
        {"text": match.group(1), "indices": [str(match.start()), str(match.end())]}
        for match in HASHTAG.finditer(escaped)
    ]
    mentions = []
    for match in MENTION.finditer(escaped):
        name, user_id = ACCOUNTS[match.group(1)]
        mentions.append(
            {
                "name": name,
                "screen_name": match.group(1),
                "indices": [str(match.start()), str(match.end())],
                "id_str": user_id,
                "id": user_id,
            }
        )
    url_entities = []
    for short, expanded in urls:
        start = escaped.index(short)
        url_entities.append(
            {
                "url": short,
                "expanded_url": expanded,
                "display_url": display_url(expanded),
                "indices": [str(start), str(start + len(short))],
            }
        )
    entities: dict[str, Any] = {
        "hashtags": hashtags,
        "symbols": [],
        "user_mentions": mentions,
        "urls": url_entities,
    }
    if media:
        entities["media"] = [media[0]]
    return entities


def media_items(tweet_id: str, short: str, start: int, count: int) -> list[dict[str, Any]]:
    """`count` photos behind one t.co link, as `extended_entities.media` lists them."""
    items = []
    for number in range(count):
        media_id = str(int(tweet_id) - 1000 - number)
        name = short_code(media_id)[:9] + "AAAX" + str(number)
        items.append(
            {
                "expanded_url": f"https://twitter.com/{SCREEN_NAME}/status/{tweet_id}/photo/1",
                "indices": [str(start), str(start + len(short))],
                "url": short,
                "media_url": f"http://pbs.twimg.com/media/{name}.jpg",
                "id_str": media_id,
                "id": media_id,
                "media_url_https": f"https://pbs.twimg.com/media/{name}.jpg",
                "sizes": {
                    "thumb": {"w": "150", "h": "150", "resize": "crop"},
                    "small": {"w": "680", "h": "510", "resize": "fit"},
                    "medium": {"w": "1200", "h": "900", "resize": "fit"},
                    "large": {"w": "2048", "h": "1536", "resize": "fit"},
                },
                "type": "photo",
                "display_url": f"pic.twitter.com/{short.rsplit('/', 1)[-1]}",
            }
        )
    return items


def render_text(text: str, tweet_id: str, quoted_id: str | None) -> tuple[str, list[tuple[str, str]]]:
    """Replace `{url:...}` marks by t.co links; return the text and the (short, expanded) pairs."""
    pairs: list[tuple[str, str]] = []

    def replace(match: re.Match[str]) -> str:
        expanded = match.group(1).replace("QUOTED", quoted_id or "")
        short = f"https://t.co/{short_code(tweet_id + expanded)}"
        pairs.append((short, expanded))
        return short

    return URL_MARK.sub(replace, text), pairs


def truncate_for_note(text: str, limit: int = 275) -> str:
    """The cut `full_text` a long post's tweet has: whole words up to about 275 characters, then `…`."""
    cut = text[:limit]
    return cut[: cut.rfind(" ")].rstrip() + "…"


def tweet_record(
    post: Post,
    tweet_id: str,
    text: str,
    *,
    edit_ids: Sequence[str] | None = None,
    first_ms: int | None = None,
    reply: tuple[str, str, str] | None = None,
    quoted_id: str | None = None,
) -> dict[str, Any]:
    """One tweet object with the fields, field order and string types of a real archive."""
    moment = datetime.fromtimestamp(snowflake_ms(tweet_id) // 1000, tz=UTC)
    rendered, urls = render_text(text, tweet_id, quoted_id)
    if rendered.startswith("RT @"):
        rendered = retweet_text(rendered)
        urls = [(short, expanded) for short, expanded in urls if short in rendered]
    media: list[dict[str, Any]] = []
    if post.photos:
        short = f"https://t.co/{short_code(tweet_id + 'media')}"
        rendered = f"{rendered} {short}" if rendered else short
    escaped = html.escape(rendered, quote=False)
    if post.photos:
        media = media_items(tweet_id, short, escaped.index(short), post.photos)
    ids = list(edit_ids) if edit_ids else [tweet_id]
    record: dict[str, Any] = {
        "edit_info": edit_info(ids, first_ms if first_ms is not None else snowflake_ms(ids[0]), tweet_id),
        "retweeted": False,
        "source": SOURCES[post.source or "iphone"],
        "entities": build_entities(escaped, urls, media),
        "display_text_range": ["0", str(len(escaped))],
        "favorite_count": str(post.likes),
    }
    if reply:
        record["in_reply_to_status_id_str"] = reply[0]
    record["id_str"] = tweet_id
    if reply:
        record["in_reply_to_user_id"] = reply[1]
    record["truncated"] = False
    record["retweet_count"] = str(post.retweets)
    record["id"] = tweet_id
    if reply:
        record["in_reply_to_status_id"] = reply[0]
    if urls or media:
        record["possibly_sensitive"] = False
    record["created_at"] = twitter_date(moment)
    record["favorited"] = False
    record["full_text"] = escaped
    record["lang"] = post.lang
    if reply:
        record["in_reply_to_screen_name"] = reply[2]
        record["in_reply_to_user_id_str"] = reply[1]
    if media:
        record["extended_entities"] = {"media": media}
    return record


def retweet_text(text: str) -> str:
    """A retweet's text as archives keep it: cut at 140 characters with `…` when longer (links too)."""
    return text if len(text) <= 140 else text[:139] + "…"


def note_record(note_id: str, text: str) -> dict[str, Any]:
    """A `noteTweet` record: the whole, unescaped text with from/to indices."""
    created = iso_ms(snowflake_ms(note_id), keep_ms=False)
    hashtags = [
        {"text": match.group(1), "fromIndex": str(match.start()), "toIndex": str(match.end())}
        for match in HASHTAG.finditer(text)
    ]
    mentions = [
        {"screenName": match.group(1), "fromIndex": str(match.start()), "toIndex": str(match.end())}
        for match in MENTION.finditer(text)
    ]
    return {
        "noteTweet": {
            "noteTweetId": note_id,
            "updatedAt": created,
            "lifecycle": {"value": "1", "name": "Active", "originalName": "Active", "annotations": {}},
            "createdAt": created,
            "core": {
                "styletags": [],
                "urls": [],
                "text": text,
                "mentions": mentions,
                "cashtags": [],
                "hashtags": hashtags,
            },
        }
    }


@dataclass
class SampleArchive:
    """The generated records, newest first as real archives list them."""

    tweets: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    deleted: list[dict[str, Any]] = field(default_factory=list)


def generate() -> SampleArchive:
    """Build every record of the sample archive from `POSTS` and `THREAD`."""
    clock = Clock()
    archive = SampleArchive()
    for post in POSTS:
        moment = parse_when(post.when)
        if post.long_text is not None:
            tweet_id = clock.snowflake(moment, offset_ms=412)
            note_id = snowflake_id(snowflake_ms(tweet_id) - 16)
            archive.notes.append(note_record(note_id, post.long_text))
            archive.tweets.append(tweet_record(post, tweet_id, truncate_for_note(post.long_text)))
            continue
        tweet_id = clock.snowflake(moment)
        reply = None
        if post.reply_to:
            parent = clock.snowflake(moment - timedelta(hours=2, minutes=17))
            reply = (parent, ACCOUNTS[post.reply_to][1], post.reply_to)
        quoted = clock.snowflake(moment - timedelta(hours=11)) if post.quote_of else None
        text = post.text
        if post.edited_text is not None:
            second_id = clock.snowflake(moment + timedelta(minutes=4, seconds=31))
            ids = (tweet_id, second_id)
            first_ms = snowflake_ms(tweet_id)
            archive.tweets.append(tweet_record(post, tweet_id, text, edit_ids=ids, first_ms=first_ms))
            archive.tweets.append(
                tweet_record(post, second_id, post.edited_text, edit_ids=ids, first_ms=first_ms)
            )
            continue
        record = tweet_record(post, tweet_id, text, reply=reply, quoted_id=quoted)
        if post.deleted:
            record["deleted_at"] = twitter_date(moment + timedelta(minutes=5, seconds=12))
            archive.deleted.append(record)
        else:
            archive.tweets.append(record)
    parent_id: str | None = None
    moment = parse_when(THREAD_START)
    for number, text in enumerate(THREAD):
        tweet_id = clock.snowflake(moment + timedelta(minutes=2 * number, seconds=17 * number))
        post = Post(THREAD_START, text, likes=[64, 21, 17, 15, 22, 30][number], source="iphone")
        reply = (parent_id, ACCOUNT_ID, SCREEN_NAME) if parent_id else None
        archive.tweets.append(tweet_record(post, tweet_id, text, reply=reply))
        parent_id = tweet_id
    for records in (archive.tweets, archive.deleted):
        records.sort(key=lambda record: int(record["id_str"]), reverse=True)
    return archive


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def dump_data(value: Any, indent: int = 0) -> str:
    """JSON the way current data files are written: `"key" : value`, one element a line, `[ ]` if empty."""
    pad = "  " * (indent + 1)
    end = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{ }"
        items = [f"{pad}{_scalar(key)} : {dump_data(item, indent + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, list):
        if not value:
            return "[ ]"
        return "[\n" + ",\n".join(pad + dump_data(item, indent + 1) for item in value) + "\n" + end + "]"
    return _scalar(value)


def dump_manifest(value: Any, indent: int = 0) -> str:
    """JSON the way the manifest is written (Jackson's pretty printer): arrays inline, `[ {` ... `} ]`."""
    pad = "  " * (indent + 1)
    end = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{ }"
        items = [f"{pad}{_scalar(key)} : {dump_manifest(item, indent + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, list):
        if not value:
            return "[ ]"
        return "[ " + ", ".join(dump_manifest(item, indent) for item in value) + " ]"
    return _scalar(value)


def data_file(global_name: str, records: Sequence[Any]) -> str:
    """A `data/*.js` file: `window.<global_name> = [...]` with no trailing newline, as X writes it."""
    return f"window.{global_name} = {dump_data(list(records))}"


def manifest(archive: SampleArchive, files: dict[str, tuple[str, str, int]]) -> dict[str, Any]:
    """`window.__THAR_CONFIG`: account, archive info and the data types with per-file counts."""
    data_types: dict[str, Any] = {}
    for data_type, (file_name, global_name, count) in sorted(files.items()):
        entry: dict[str, Any] = {}
        if data_type in {"tweets", "deletedTweets"}:
            entry["mediaDirectory"] = f"data/{file_name.removesuffix('.js').replace('-', '_')}_media"
        entry["files"] = [{"fileName": f"data/{file_name}", "globalName": global_name, "count": str(count)}]
        data_types[data_type] = entry
    return {
        "userInfo": {"accountId": ACCOUNT_ID, "userName": SCREEN_NAME, "displayName": DISPLAY_NAME},
        "archiveInfo": {
            "sizeBytes": "0",
            "generationDate": GENERATED_AT,
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": data_types,
    }


def headers(records: Sequence[dict[str, Any]], deleted: bool = False) -> list[dict[str, Any]]:
    """`tweet-headers.js` records: id, user id and time only."""
    out = []
    for record in records:
        header = {"tweet_id": record["id_str"], "user_id": ACCOUNT_ID, "created_at": record["created_at"]}
        if deleted:
            header["deleted_at"] = record["deleted_at"]
        out.append({"tweet": header})
    return out


README_TXT = (
    "Sample archive for tweet-rag.\n\n"
    "Everything here is fictional and was written for the project by scripts/make_sample_archive.py:\n"
    "the person (@tessa_demo), the other accounts, the texts, the links (example.org) and the media ids.\n"
    "The layout and every field follow a real X data archive (data/manifest.js, data/tweets.js, ...).\n"
)


def render_files(archive: SampleArchive) -> Iterator[tuple[str, str]]:
    """(relative path, content) of every file of the archive."""
    files = {
        "tweets": ("tweets.js", "YTD.tweets.part0", [{"tweet": t} for t in archive.tweets]),
        "noteTweet": ("note-tweet.js", "YTD.note_tweet.part0", archive.notes),
        "deletedTweets": (
            "deleted-tweets.js",
            "YTD.deleted_tweets.part0",
            [{"tweet": t} for t in archive.deleted],
        ),
        "tweetHeaders": ("tweet-headers.js", "YTD.tweet_headers.part0", headers(archive.tweets)),
        "deletedTweetHeaders": (
            "deleted-tweet-headers.js",
            "YTD.deleted_tweet_headers.part0",
            headers(archive.deleted, deleted=True),
        ),
        "communityTweet": ("community-tweet.js", "YTD.community_tweet.part0", []),
    }
    counts = {key: (name, glob, len(records)) for key, (name, glob, records) in files.items()}
    yield "data/manifest.js", f"window.__THAR_CONFIG = {dump_manifest(manifest(archive, counts))}"
    for file_name, global_name, records in files.values():
        yield f"data/{file_name}", data_file(global_name, records)
    yield "data/README.txt", README_TXT


def write_archive(output: Path) -> list[Path]:
    """Write the archive under `output` and return the files written."""
    written = []
    for relative, content in render_files(generate()):
        path = output / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, write the archive, print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="folder to write (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    archive = generate()
    write_archive(args.output)
    print(
        f"wrote {args.output}: {len(archive.tweets)} tweets, {len(archive.notes)} long post, "
        f"{len(archive.deleted)} deleted tweet"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
