#!/usr/bin/env python3
"""Sorts rules/rule_list.inc by rule id (read from each rule's .cc file)."""
import glob, os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
ids = {}
for path in glob.glob(f'{root}/rules/*/*.cc'):
    text = open(path).read()
    for m in re.finditer(r'extern const Rule (\w+)\s*=\s*\{\s*\{\s*"(\w+)"', text):
        ids[m.group(1)] = m.group(2)
path = f'{root}/rules/rule_list.inc'
lines = open(path).read().splitlines()
head = [l for l in lines if not l.startswith('RULE(')]
rules = [l for l in lines if l.startswith('RULE(')]
missing = [l for l in rules if l[5:-1] not in ids]
if missing:
    sys.exit(f'no id found for {missing}')
rules.sort(key=lambda l: ids[l[5:-1]])
open(path, 'w').write('\n'.join(head + rules) + '\n')
