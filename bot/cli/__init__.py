"""Command-line edge: parses arguments, calls the core, prints. No business logic here."""
