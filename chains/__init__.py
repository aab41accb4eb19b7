"""LangChain chains of tweet-rag: the retrieval-augmented answer chain and its pieces."""
