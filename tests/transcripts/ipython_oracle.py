#!/usr/bin/env python3
"""ipython_oracle.py - the oracle for tests/transcripts/ipython/: real IPython runs the script.

Usage:
    python3 tests/transcripts/ipython_oracle.py SCRIPT.py [--legacy 1.25] > SCRIPT.txt

The NumPy oracle (../shared/oracle/transcript.py) runs plain Python, so it cannot say what
IPython's own features print: magics (%who, %whos, %history, %precision, %xdel, %reset),
obj?, In/_i/_ii/_iN. This one cuts the script into cells with the same cutter, runs each in an
IPython 8.12 InteractiveShell (history on, colours off), and writes the same transcript
format: the echoed cell, what it printed (pages included), `Out[n]: ...` from IPython's own
displayhook, or the exception's last traceback line, then a blank line.

Scripts in that topic avoid what differs between machines or runs: timings, module paths
(%whos with a type filter), `%lsmagic` (arrsh has fewer magics).
"""
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', '..', '..', 'shared', 'oracle'))
sys.path.insert(0, '/work/shared/oracle')
import transcript  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402


def main(args):
    path = args[0]
    if '--legacy' in args:
        transcript.np.set_printoptions(legacy=args[args.index('--legacy') + 1])
    sh = InteractiveShell.instance(colors='NoColor')
    # the transcript keeps only the last traceback line, written below
    sh.showtraceback = lambda *a, **k: None
    sh.showsyntaxerror = lambda *a, **k: None
    sh.show_usage_error = lambda *a, **k: None
    for cell in transcript.cells(path):
        n = sh.execution_count
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            r = sh.run_cell(cell, store_history=True)
        text = transcript.echo(n, cell) + buf.getvalue()
        if text and not text.endswith('\n'):
            text += '\n'
        e = r.error_before_exec or r.error_in_exec
        if e is not None:
            text += transcript.error_line(e) + '\n'
        sys.stdout.write(text + '\n')


if __name__ == '__main__':
    main(sys.argv[1:])
