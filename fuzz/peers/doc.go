// Package peers holds side-by-side benchmarks of tcpwire against the codecs
// Go programs use today: gVisor's pkg/tcpip/header and gopacket's layers.
// Every implementation does the same work on the same bytes, so that one
// run of
//
//	go test -run '^$' -bench . -benchmem -count 6 ./peers/ | tee new.txt
//	go tool benchstat -col /impl new.txt
//
// in the fuzz module gives the ratios.
package peers
