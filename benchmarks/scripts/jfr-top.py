#!/usr/bin/env python3
"""Aggregates a JFR recording's execution samples: top frames (self time) and top project frames
(inclusive), and samples per thread.
   jfr print --events jdk.ExecutionSample rec.jfr | benchmarks/scripts/jfr-top.py [N]"""
import re
import sys
from collections import Counter

top_n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
self_time, inclusive, threads = Counter(), Counter(), Counter()
samples = 0
frames, thread = [], None
frame_re = re.compile(r'^\s+([\w$.<>]+)\(.*line:')
thread_re = re.compile(r'sampledThread = "([^"]*)"')

def flush():
    global samples
    if frames:
        samples += 1
        self_time[frames[0]] += 1
        for f in set(frames):
            if f.startswith('org.alliancesim'):
                inclusive[f] += 1
        threads[re.sub(r'[-\d]+$', '', thread or '?')] += 1

for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        flush()
        frames, thread = [], None
        continue
    m = thread_re.search(line)
    if m:
        thread = m.group(1)
        continue
    m = frame_re.match(line)
    if m:
        frames.append(m.group(1))
flush()
print(f'{samples} samples')
print('-- threads')
for t, c in threads.most_common(8):
    print(f'{100 * c / samples:5.1f}%  {t}')
print('-- top frames (self)')
for f, c in self_time.most_common(top_n):
    print(f'{100 * c / samples:5.1f}%  {f}')
print('-- project methods (inclusive)')
for f, c in inclusive.most_common(top_n):
    print(f'{100 * c / samples:5.1f}%  {f}')
