"""One cog per feature: ask (questions), briefings (summary, timeline), admin (reload, status, report),
feedback (answer buttons, /forget-me), housekeeping (pruning, the daily digest)."""
