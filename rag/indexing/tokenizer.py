"""Tokenisation for the lexical (BM25) index: English, Spanish and languages written without spaces.

Text is NFKC-normalised (full-width letters become ASCII) and case-folded; accents on Latin letters are
folded ("canción" -> "cancion") while Japanese kana keep their voicing marks. Words are runs of letters,
digits and underscores; an @handle or #hashtag gives two tokens, the tagged form ("@alrocar") and the bare
word ("alrocar"), so an exact handle query prefers tweets that really mention it. Runs of Han, Hiragana,
Katakana and Hangul characters (Japanese, Chinese, Korean), and of Thai, Lao, Myanmar and Khmer, which are
written without spaces between words, become overlapping character bigrams ("東京大学" -> "東京", "京大",
"大学"; a lone character stays a unigram). A short English/Spanish stop-word list is dropped and a final
plural "s" is stripped from Latin words longer than three letters ("tweets" -> "tweet"); no other stemming.
URL scheme words ("https", "www", "t.co" pieces) are dropped.
"""

from __future__ import annotations

import re
import unicodedata

# Scripts indexed as character bigrams: Han (CJK unified + ext A + compatibility), Hiragana, Katakana
# (+ phonetic extensions), half-width Katakana, Hangul syllables (Korean particles attach to words), and the
# scripts written without spaces between words: Thai, Lao, Myanmar, Khmer.
_CJK = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3005\u3006\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
# A word (letters, digits, underscore, and the spaceless scripts with their combining marks), or a tag:
# @ or # not preceded by a word character (so "me@example.org" has no handle) followed by a word.
_WORD_RE = re.compile(rf"(?<![\w{_CJK}])[@#][\w{_CJK}]+|[\w{_CJK}]+")
# Inside a non-ASCII word: runs of the spaceless scripts and runs of other word characters.
_PIECE_RE = re.compile(rf"[{_CJK}]+|[^\W{_CJK}]+")
_CJK_RUN = re.compile(rf"[{_CJK}]")

_STOP_TEXT = """
a about after all also am an and any are as at be been but by can could did do does for from had has
have he her him his how i if in into is it its just me my no not of on or our out she so than that the
their them then there these they this to too up us was we were what when where which who why will with
would you your rt amp http https www com co t s m d ll re ve
al con de del el en es la las lo los mi para por que se su sus un una y o le les ya muy pero como
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Latin-1 supplement and Latin Extended-A/B: fold accents; everything else is left alone.
_FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in range(0xC0, 0x250) if _fold_char(chr(cp)) != chr(cp)}


def normalize(text: str) -> str:
    """NFKC, case-fold and strip accents from Latin letters (kana voicing marks are kept)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD_TABLE)


def _piece_tokens(piece: str) -> tuple[str, ...]:
    if _CJK_RUN.match(piece):
        if len(piece) == 1:
            return (piece,)
        return tuple(piece[i : i + 2] for i in range(len(piece) - 1))
    if piece in STOP_WORDS:
        return ()
    if len(piece) > 3 and piece.endswith("s") and not piece.endswith("ss") and piece.isalpha():
        piece = piece[:-1]
    return (piece,)


# word -> its tokens; bounded (new words stop being cached once full), words repeat a lot across tweets.
_CACHE: dict[str, tuple[str, ...]] = {}
_CACHE_LIMIT = 200_000


def _word_tokens(word: str) -> tuple[str, ...]:
    tokens = _CACHE.get(word)
    if tokens is None:
        if word.isascii():
            tokens = _piece_tokens(word)
        else:
            tokens = tuple(token for piece in _PIECE_RE.findall(word) for token in _piece_tokens(piece))
        if len(_CACHE) < _CACHE_LIMIT:
            _CACHE[word] = tokens
    return tokens


def tokenize(text: str) -> list[str]:
    """The index tokens of `text`, in order, with repeats (see the module docstring for the rules)."""
    tokens: list[str] = []
    for word in _WORD_RE.findall(normalize(text)):
        if word[0] in "@#":
            tokens.append(word)
            word = word[1:]
        tokens.extend(_word_tokens(word))
    return tokens


def tagged_tokens(tokens: list[str]) -> list[str]:
    """The @handle / #hashtag tokens among `tokens`, without repeats, in order."""
    seen: dict[str, None] = {}
    for token in tokens:
        if len(token) > 1 and token[0] in "@#":
            seen.setdefault(token, None)
    return list(seen)
