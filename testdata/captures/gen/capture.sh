#!/usr/bin/env bash
# Records the loopback captures in testdata/captures. Needs root, tcpdump,
# curl, python3, tc (iproute2) and editcap/tshark (wireshark-common, tshark).
# Usage: testdata/captures/gen/capture.sh [name ...]   (default: all)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/.." && pwd)
www=$(mktemp -d)
printf '<!doctype html><title>tcpwire</title><p>hello from the loopback\n' > "$www/index.html"
gen() { (cd "$here/../../.." && go run ./testdata/captures/gen/main.go "$@"); }
go build -o /dev/null "$here/main.go"   # compile once so timing is short

# cap FILE IFACE FILTER [extra tcpdump args...] -- command...
cap() {
	local file=$1 iface=$2 filter=$3; shift 3
	local extra=()
	while [[ $1 != -- ]]; do extra+=("$1"); shift; done; shift
	local log; log=$(mktemp)
	tcpdump -i "$iface" -s 0 -B 8192 -U --immediate-mode "${extra[@]}" -w "$out/$file" "$filter" 2>"$log" &
	local pid=$!
	# Wait until tcpdump has opened the interface (at most 10 s).
	for _ in $(seq 100); do grep -q 'listening on' "$log" && break; sleep 0.1; done
	rm -f "$log"
	"$@" || true
	sleep 0.5
	kill -INT "$pid"; wait "$pid" || true
	echo "$file: $(tcpdump -r "$out/$file" 2>/dev/null | wc -l) frames"
}

http_server() { # ADDR PORT
	python3 -m http.server --bind "$1" --directory "$www" "$2" >/dev/null 2>&1 &
	srv=$!; sleep 0.7
}

run() {
case $1 in
http-ipv4)
	http_server 127.0.0.1 9101
	cap http-ipv4.pcap lo 'tcp port 9101' -- curl -s -o /dev/null http://127.0.0.1:9101/
	kill "$srv";;
http-ipv6)
	http_server ::1 9101
	cap http-ipv6.pcap lo 'tcp port 9101' -- curl -s -o /dev/null 'http://[::1]:9101/'
	kill "$srv";;
http-sll)
	http_server 127.0.0.1 9101
	cap http-sll.pcap any 'tcp port 9101' -y LINUX_SLL -- curl -s -o /dev/null http://127.0.0.1:9101/
	kill "$srv";;
http-sll2)
	http_server ::1 9101
	cap http-sll2.pcap any 'tcp port 9101' -y LINUX_SLL2 -- curl -s -o /dev/null 'http://[::1]:9101/'
	kill "$srv";;
refused)
	cap refused.pcap lo 'tcp port 9109' -- curl -s -o /dev/null http://127.0.0.1:9109/;;
half-close)
	cap half-close.pcap lo 'tcp port 9102' -- gen -mode halfclose -addr 127.0.0.1:9102;;
abortive-close)
	cap abortive-close.pcap lo 'tcp port 9103' -- gen -mode abort -addr 127.0.0.1:9103;;
ecn)
	old=$(sysctl -n net.ipv4.tcp_ecn)
	sysctl -qw net.ipv4.tcp_ecn=1
	http_server 127.0.0.1 9104
	cap ecn.pcap lo 'tcp port 9104' -- curl -s -o /dev/null http://127.0.0.1:9104/
	kill "$srv"
	sysctl -qw net.ipv4.tcp_ecn="$old";;
sack-loss)
	# The sandbox kernel has no netem (nor prio) qdisc, so loss comes from
	# netfilter: about 5% of the segments the server (source port 9105)
	# sends are dropped in INPUT, after the capture saw them on lo (a drop in
	# OUTPUT is a local send failure that TCP retries at once, not a loss).
	rule=(INPUT -i lo -p tcp --sport 9105 -m statistic --mode random --probability 0.05 -j DROP)
	iptables -I "${rule[@]}"
	trap 'iptables -D "${rule[@]}" 2>/dev/null || true' EXIT
	cap sack-loss.pcap lo 'tcp port 9105' -- gen -mode bulk -size 100000 -chunk 1000 -gap 1ms -addr 127.0.0.1:9105
	iptables -D "${rule[@]}"; trap - EXIT;;
ip-options)
	cap ip-options.pcap lo 'tcp port 9108' -- gen -mode ipopts -addr 127.0.0.1:9108;;
ipv6-exthdr)
	# BPF's "tcp" does not walk IPv6 extension headers: match the client's
	# packets (Hop-by-Hop 8 bytes, Destination Options 8 bytes, then TCP
	# at offset 56) by hand.
	cap ipv6-exthdr.pcap lo 'tcp port 9107 or (ip6[6] == 0 and (ip6[56:2] == 9107 or ip6[58:2] == 9107))' -- gen -mode exthdr -addr '[::1]:9107';;
bulk)
	cap bulk.pcap lo 'tcp port 9106' -- gen -mode bulk -size 204800 -addr 127.0.0.1:9106;;
pcapng)
	tshark -r "$out/http-ipv4.pcap" -F pcapng -w "$out/http-ipv4.pcapng"
	tshark -r "$out/http-ipv6.pcap" -F pcapng -w "$out/http-ipv6.pcapng";;
truncated)
	editcap -F pcap -s 60 "$out/http-ipv4.pcap" "$out/http-ipv4-snap60.pcap";;
esac
}

names=("$@")
[[ ${#names[@]} -gt 0 ]] || names=(http-ipv4 http-ipv6 http-sll http-sll2 refused half-close abortive-close ecn sack-loss ip-options ipv6-exthdr bulk pcapng truncated)
for n in "${names[@]}"; do run "$n"; done
rm -rf "$www"
