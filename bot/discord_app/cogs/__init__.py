"""One cog per feature: ask (questions), overview (summary, timeline), admin (reload, status, report),
feedback (answer buttons, /forget-me), housekeeping (pruning, the daily digest)."""
