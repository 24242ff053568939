#!/usr/bin/env python3
"""First outputs of xoshiro256** from state {1, 2, 3, 4}: a line-by-line transcription of
https://prng.di.unimi.it/xoshiro256starstar.c (Blackman & Vigna). Prints the values used in
MonteCarloTests.xoshiroReference: [11520, 0, 1509978240, 1215971899390074240]."""
M = (1 << 64) - 1
def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
s = [1, 2, 3, 4]
out = []
for _ in range(4):
    result = (rotl((s[1] * 5) & M, 7) * 9) & M
    t = (s[1] << 17) & M
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
    out.append(result)
print(out)
