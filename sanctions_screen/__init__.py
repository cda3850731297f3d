"""sanctions-screen: screen counterparty names against sanctions lists."""

__version__ = "0.1.0"
