"""JSON Lines: one finding per line, each the object the JSON report gives it, and nothing else.

For runs too large to read as one JSON document: a consumer handles a finding at a time. Input
errors go to standard error and make the exit status 2, as in every format.
"""

from __future__ import annotations

import json

from claimlint import reporters
from claimlint.inert import inert_json


class Reporter(reporters.Reporter):
    def file(self, result):
        return [inert_json(json.dumps(finding.to_dict(), ensure_ascii=False)) for finding in result.findings]
