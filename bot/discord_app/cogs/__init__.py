"""One cog per feature: ask (questions), admin (reload, status)."""
