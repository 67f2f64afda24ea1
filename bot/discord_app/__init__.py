"""The Discord edge: routes messages and slash commands to the service and renders answers."""
