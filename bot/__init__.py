"""callbot: answers questions about the Trump–Putin call of 28 January 2017 strictly from its articles."""

__version__ = "0.1.0"
