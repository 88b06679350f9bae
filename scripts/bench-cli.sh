#!/usr/bin/env bash
# Measures tcpwire decode --json and tcpwire check against tshark -T fields
# on one capture of 110,000 segments (10,000 built open-data-close
# connections), in the same run. Reports the least CPU time (user + system)
# of RUNS runs of each, since CPU time varies less than elapsed time on a
# shared machine, and the segments per second that gives.
#
#   scripts/bench-cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
command -v tshark >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tshark; }

go build -o "$dir/tcpwire" ./cmd/tcpwire
"$dir/tcpwire" build open-data-close --repeat 10000 -o "$dir/big.pcap"
segments=$("$dir/tcpwire" decode "$dir/big.pcap" | wc -l)

fields=()
for f in frame.number ip.src ipv6.src ip.dst ipv6.dst tcp.srcport tcp.dstport tcp.seq_raw tcp.ack_raw \
	tcp.hdr_len tcp.flags tcp.window_size_value tcp.checksum tcp.checksum.status tcp.urgent_pointer tcp.len \
	tcp.options.mss_val tcp.options.wscale.shift tcp.options.timestamp.tsval tcp.options.timestamp.tsecr \
	tcp.options.sack_le tcp.options.sack_re tcp.option_kind; do
	fields+=(-e "$f")
done

# best NAME CMD...: the least user+system seconds of $runs runs of CMD.
best() {
	local name=$1 min=
	shift
	for _ in $(seq "$runs"); do
		/usr/bin/time -o "$dir/t" -f '%U %S' "$@" >/dev/null 2>&1
		t=$(awk '{print $1 + $2}' "$dir/t")
		if [ -z "$min" ] || awk -v a="$t" -v b="$min" 'BEGIN{exit !(a < b)}'; then min=$t; fi
	done
	printf '%-16s %8.2f s CPU  %12.0f segments/s\n' "$name" "$min" "$(awk -v n="$segments" -v t="$min" 'BEGIN{print (t > 0 ? n / t : 0)}')"
	echo "$min" >"$dir/$name"
}

echo "$segments segments, least CPU time of $runs runs"
best "tshark -T fields" tshark -n -r "$dir/big.pcap" -o tcp.relative_sequence_numbers:FALSE -o tcp.check_checksum:TRUE \
	-T fields -E separator=/t -E occurrence=a -E aggregator=, "${fields[@]}"
best "decode --json" "$dir/tcpwire" decode --json "$dir/big.pcap"
best "check" "$dir/tcpwire" check "$dir/big.pcap"
awk -v t="$(cat "$dir/tshark -T fields")" -v d="$(cat "$dir/decode --json")" -v c="$(cat "$dir/check")" \
	'BEGIN{printf "decode --json: %.1fx tshark; check: %.1fx tshark\n", t / d, t / c}'
