"""floke: a static site generator for a programme's project catalogue and knowledge base."""

__version__ = "0.1.0"
