#!/usr/bin/env python3
"""Issue 20's command-line rows, timed as whole processes: each command RUNS times (after one warm-up run that is
not counted), the median, min and max wall time printed beside its target. With --large, validate and show of
that file too (reading, validating and compiling it) and analyze. The commands go through ./parley, the
launcher users start, with the start-up cache the build made (see .mvn/startup-cache.sh).

Usage: python3 parley-bench/scripts/startup.py [RUNS] [--large FILE]
(RUNS 9; --large times `./parley validate FILE`, `show FILE`, `analyze FILE` and `analyze --no-blocking FILE` too, e.g. a file written by
 java -cp parley-bench/target/benchmarks.jar dev.parley.bench.LargeScenario 40000 out/large.yaml)
"""
import argparse, os, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument('runs', type=int, nargs='?', default=9)
ap.add_argument('--large')
args = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parley = os.path.join(root, 'parley')
rows = [('./parley --version', ['--version'], 0.25), ('./parley analyze', ['analyze'], 0.4),
        ('./parley run', ['run'], 0.5)]
if args.large:  # reading, validating and compiling a large file; analyze (issue 20's target: 1 s)
    rows.append((f'./parley validate {args.large}', ['validate', args.large], 1.0))
    rows.append((f'./parley show {args.large}', ['show', args.large], 1.0))
    # with what blocks a deal: 29,973 red lines in LargeScenario's file, worked out from the zone (RedLineDrops)
    rows.append((f'./parley analyze {args.large}', ['analyze', args.large], 1.0))
    rows.append((f'./parley analyze --no-blocking {args.large}', ['analyze', '--no-blocking', args.large], 1.0))

if args.runs < 1:
    sys.exit('RUNS must be at least 1')
subprocess.run([parley, '--version'], check=True, stdout=subprocess.DEVNULL)  # builds the jar when it is stale
named = os.path.join(root, 'parley-cli', 'target', 'parley.cache-jdk')
print('start-up cache: ' + (f'made for {open(named).read().strip()}' if os.path.exists(named)
                            else 'none (the build was told to leave it out, or this is not unix)'))
print(f'| command | median s | min s | max s | target s |  ({args.runs} runs each, 1 warm-up)')
print('| --- | ---: | ---: | ---: | ---: |')
for label, argv, target in rows:
    walls = []
    for i in range(args.runs + 1):
        start = time.monotonic()
        done = subprocess.run([parley] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.monotonic() - start
        if done.returncode != 0:
            sys.exit(f'{label} exited {done.returncode}: {done.stderr.decode()}')
        if i > 0:
            walls.append(wall)
    print(f'| `{label}` | {statistics.median(walls):.3f} | {min(walls):.3f} | {max(walls):.3f} | {target} |')
