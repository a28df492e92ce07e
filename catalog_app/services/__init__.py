"""Use cases that both faces call; each change is one unit of work with its custody entries."""
