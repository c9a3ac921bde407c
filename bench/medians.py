#!/usr/bin/env python3
"""Prints the median, min and max of each command in a hyperfine JSON export."""
import json, sys

for result in json.load(open(sys.argv[1]))["results"]:
    print(f'{result["command"]}: median {result["median"]:.2f} s (min {result["min"]:.2f}, max {result["max"]:.2f}, '
          f'{len(result["times"])} runs)')
