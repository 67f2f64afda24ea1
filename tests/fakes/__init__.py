"""Loopback fakes of Discord and of an OpenAI-compatible server."""

# Upper bound for every wait in the tests: only a hang reaches it, never a slow or busy machine.
HANG = 60.0
