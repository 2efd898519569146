#!/usr/bin/env bash
# Synthesises the game's sound effects (soft, short) with sox and encodes them with ffmpeg as
# WebM/Opus and MP3 (Safari). Run by hand when a sound changes; the results are committed.
# Needs Debian's sox and ffmpeg.
set -euo pipefail
out="$(dirname "$0")/../assets/sounds"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
rate=44100
s() { sox -n -r $rate -c 1 -b 16 "$@"; }

s "$tmp/pick.wav" synth 0.05 sine 1200 fade q 0.002 0.05 0.045 vol 0.25
s "$tmp/drop-a.wav" synth 0.12 sine 240-150 fade q 0.003 0.12 0.11 vol 0.55
s "$tmp/drop-b.wav" synth 0.05 pinknoise lowpass 900 fade q 0.001 0.05 0.045 vol 0.2
sox -m "$tmp/drop-a.wav" "$tmp/drop-b.wav" "$tmp/drop.wav"
s "$tmp/link-1.wav" synth 0.09 sine 660 fade q 0.003 0.09 0.07 vol 0.3
s "$tmp/link-2.wav" synth 0.14 sine 880 fade q 0.003 0.14 0.12 vol 0.3
sox "$tmp/link-1.wav" "$tmp/link-2.wav" "$tmp/link.wav"
# A rising major arpeggio: each note starts 0.11 s after the previous one and rings on.
s "$tmp/c1.wav" synth 0.4 sine 523.25 fade q 0.005 0.4 0.35 vol 0.2 pad 0 0.22
s "$tmp/c2.wav" synth 0.4 sine 659.25 fade q 0.005 0.4 0.35 vol 0.2 pad 0.11 0.11
s "$tmp/c3.wav" synth 0.4 sine 783.99 fade q 0.005 0.4 0.35 vol 0.2 pad 0.22 0
sox -m "$tmp/c1.wav" "$tmp/c2.wav" "$tmp/c3.wav" "$tmp/correct-dry.wav"
sox "$tmp/correct-dry.wav" "$tmp/correct.wav" reverb 30 50 60 gain -3
s "$tmp/wrong-1.wav" synth 0.16 triangle 330 fade q 0.005 0.16 0.12 vol 0.22
s "$tmp/wrong-2.wav" synth 0.26 triangle 262 fade q 0.005 0.26 0.22 vol 0.22
sox "$tmp/wrong-1.wav" "$tmp/wrong-2.wav" "$tmp/wrong.wav"
for i in 1 2 3; do s "$tmp/deal-$i.wav" synth 0.045 pinknoise highpass 1800 lowpass 6000 fade q 0.002 0.045 0.04 vol 0.35 pad 0 0.03; done
sox "$tmp/deal-1.wav" "$tmp/deal-2.wav" "$tmp/deal-3.wav" "$tmp/deal.wav"
# Two soft bell tones, the second lower, for the end of a workshop phase.
s "$tmp/t1.wav" synth 0.8 sine 659.25 fade q 0.01 0.8 0.7 vol 0.22 pad 0 0.35
s "$tmp/t2.wav" synth 0.8 sine 523.25 fade q 0.01 0.8 0.7 vol 0.22 pad 0.35 0
sox -m "$tmp/t1.wav" "$tmp/t2.wav" "$tmp/timer-dry.wav"
sox "$tmp/timer-dry.wav" "$tmp/timer.wav" reverb 40 50 70 gain -3

for name in pick drop link correct wrong deal timer; do
  ffmpeg -loglevel error -y -i "$tmp/$name.wav" -c:a libopus -b:a 48k "$out/$name.webm"
  ffmpeg -loglevel error -y -i "$tmp/$name.wav" -c:a libmp3lame -b:a 64k "$out/$name.mp3"
done
ls -l "$out"
