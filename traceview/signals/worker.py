"""A grammar worker process: `python -m traceview.signals.worker`.

Reads pickled (family, messages) requests on stdin until EOF; answers each with the pickled
list of fields (or None) on stdout. Started and fed by traceview.signals.pool, which alone
writes to its stdin, so the pickles it loads are its parent's.
"""

from __future__ import annotations

import os
import pickle
import sys


def serve() -> None:
    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # a stray print must not corrupt the answers
    from traceview.signals.pool import parse_batch

    while True:
        try:
            family, messages = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(parse_batch(family, messages), answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()


if __name__ == "__main__":
    serve()
