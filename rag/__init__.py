"""tweet-rag library: read a Twitter/X archive, index it in Chroma, and retrieve tweets for questions."""
