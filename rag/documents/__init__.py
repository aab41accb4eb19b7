"""Building documents: group threads, turn tweets into LangChain Documents, split them to fit the embedder."""
