"""The `callbot` command: start | run | chat | ask | brief | sources | prompt | eval | report.

Core errors (bad settings, a broken manifest, a rejected token) end as one readable line on stderr
and exit status 2, never as a traceback.
"""

from __future__ import annotations

import os
import sys

from bot.cli.parser import build_parser
from bot.errors import CallbotError


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CallbotError as exc:
        print(f"callbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed: nothing left to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter from complaining at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
