"""What the speaker tests read: each quote's words and its speaker's name, in order."""

from extract.actors import find_actors
from extract.book import ActorBook
from extract.quotes import find_quotes
from extract.segments import blocks


def quoted_speakers(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker's name) in order."""
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes, actors = find_quotes(text, found, book), book.actors()
    names = {a.key: a.name for a in actors}
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in quotes]
