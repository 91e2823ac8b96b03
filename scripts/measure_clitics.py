#!/usr/bin/env python3
"""Measures how much less frequent a word with a clitic is than its stem,
from the wordfreq list: for each clitic c, log10 of
sum f(c+stem) / sum f(stem) over the stems where both forms are listed.
The output is pasted into src/lexicon.rs (PROCLITICS, ENCLITICS).
"""
import gzip, math, sys
path = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/wordfreq_ar.tsv.gz'
freq = {}
for line in gzip.open(path, 'rt', encoding='utf-8'):
    w, f = line.rstrip('\n').split('\t')
    freq[w] = freq.get(w, 0.0) + float(f)
pro = ["وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "بال", "كال", "وال", "فال", "لل",
       "وب", "فب", "وك", "فك", "ول", "فل", "ال", "و", "ف", "ب", "ك", "ل"]
enc = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ك", "ي"]
for p in pro:
    num = den = 0.0
    for w, f in freq.items():
        if w.startswith(p) and len(w) > len(p) + 1:
            s = w[len(p):]
            base = freq.get(s)
            if base:
                num += f; den += base
    print(f'pro {p}\t{-math.log10(num/den):.2f}' if num else f'pro {p}\tnone')
for e in enc:
    num = den = 0.0
    for w, f in freq.items():
        if w.endswith(e) and len(w) > len(e) + 1:
            s = w[:-len(e)]
            base = freq.get(s) or (freq.get(s[:-1] + 'ة') if s.endswith('ت') else None)
            if base:
                num += f; den += base
    print(f'enc {e}\t{-math.log10(num/den):.2f}')
