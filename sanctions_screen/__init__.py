"""sanctions-screen: screen counterparty names against sanctions lists."""

__version__ = "0.1.0"

from .matching import DEFAULT_THRESHOLD, compare

__all__ = ["DEFAULT_THRESHOLD", "__version__", "compare"]
