"""The one place that defines what each exit status means.

A CI gate must be able to tell "the screen found hits" (1) from "the tool
could not screen" (2, 3, 70): the second must never pass silently.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0  # screened everything, no hit at or above the threshold
    HITS = 1  # at least one hit at or above the threshold
    USAGE = 2  # bad command line: unknown option, bad value
    INPUT_ERROR = 3  # an input or list file is missing, unreadable, malformed or empty
    OUTPUT_ERROR = 4  # the report could not be written (-o FILE)
    INTERNAL_ERROR = 70  # a bug in sanctions-screen (EX_SOFTWARE); please report it
    INTERRUPTED = 130  # Ctrl-C
