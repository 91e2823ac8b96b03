#!/usr/bin/env python3
"""Record the reference scorer's output for the scorer agreement test.

Runs ../shared/tools/score.py (the project's reference scorer) on the pairs
below and writes tests/fixtures/score/reference.json. The test
`tests/scorer.rs` checks that the crate's scorer agrees to four decimals.
Run from the crate root with ../shared beside it; the tests never run this.
"""
import json
import subprocess
import sys

SCORER = '../shared/tools/score.py'
PAIRS = [
    # gold, candidate, optional [first, last]
    ('corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt', 'corpus/in-the-wild/ctoc-wg7-2021-5.broken.txt', None),
    ('corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt', 'corpus/in-the-wild/ctoc-wg4-2018-3.broken.txt', None),
    ('corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt', 'tests/fixtures/score/ctoc-wg7-2021-5.candidate.txt', None),
    ('corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt', 'tests/fixtures/score/ctoc-wg4-2018-3.candidate.txt', None),
    ('corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt', 'tests/fixtures/score/ctoc-wg4-2018-3.candidate.txt', [10, 60]),
    ('tests/fixtures/score/tricky.gold.txt', 'tests/fixtures/score/tricky.candidate.txt', None),
    ('tests/fixtures/score/tricky.gold.txt', 'tests/fixtures/score/short.candidate.txt', None),
]


def main():
    out = []
    for gold, cand, rng in PAIRS:
        args = [sys.executable, SCORER, gold, cand] + ([str(x) for x in rng] if rng else []) + ['--json']
        result = json.loads(subprocess.check_output(args))
        out.append({'gold': gold, 'candidate': cand, 'range': rng, 'result': result})
    with open('tests/fixtures/score/reference.json', 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
