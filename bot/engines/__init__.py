"""Answer engines: offline retrieval (no model) and any OpenAI-compatible LLM."""
