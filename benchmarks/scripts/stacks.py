#!/usr/bin/env python3
"""Summary of an async-profiler 'collapsed' file: inclusive share of the frames asked for, the Cartable methods
under which the database is used (Aries JPA's templates), and the hottest leaf frames.

    stacks.py FILE [FRAME...]
"""
import collections
import sys


def main(path, wanted):
    total = 0
    inclusive = collections.Counter()
    leaves = collections.Counter()
    database = collections.Counter()
    with open(path) as lines:
        for line in lines:
            stack, _, count = line.rstrip().rpartition(' ')
            count = int(count)
            total += count
            frames = stack.split(';')
            leaves[frames[-1]] += count
            for name in {w for w in wanted if any(w in frame for frame in frames)}:
                inclusive[name] += count
            template = next((i for i, frame in enumerate(frames) if 'aries/jpa' in frame and 'txExpr' in frame
                             or 'aries/jpa' in frame and '.tx(' in frame), None)
            if template is not None:
                owner = next((frames[j] for j in range(template - 1, -1, -1) if 'org/cartable' in frames[j]), '?')
                database[owner] += count
    if total == 0:
        print('no samples')
        return
    share = lambda n: f'{100.0 * n / total:5.1f} %'
    print(f'{total} samples')
    for name in wanted:
        print(f'{share(inclusive[name])}  {name}')
    print('-- database work, by the Cartable method that opened the transaction')
    for owner, count in database.most_common(10):
        print(f'{share(count)}  {owner[:150]}')
    print('-- hottest frames (self)')
    for frame, count in leaves.most_common(15):
        print(f'{share(count)}  {frame[:150]}')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
