"""LangChain chains of tweet-rag: the retrieval-augmented answer chain and its pieces."""

from chains.rag import ABSTAIN_ANSWER, answer_check_for, build_rag_chain, open_chain

__all__ = ["ABSTAIN_ANSWER", "answer_check_for", "build_rag_chain", "open_chain"]
