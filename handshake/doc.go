// Package handshake builds the segments of every step of a TCP connection
// and checks a sequence of segments against RFC 9293, following both
// endpoints through the state machine. It is the engine behind the
// project's command line and in-browser playground.
//
// # Building
//
// A [Scenario] is two [Endpoint] configurations (address and port, initial
// sequence number, receive window, and the options they offer: MSS, window
// scale, SACK-permitted, timestamps, ECN or Accurate ECN, a Fast Open
// cookie) and a list of [Step] specs, each an [Action] one side takes.
// [Scenario.Build] computes each step's segment from the sender's TCB, with
// IP addresses and a correct checksum, and both endpoints' [State] and [TCB]
// (ISS, IRS, SND.UNA, SND.NXT, SND.WND, RCV.NXT, RCV.WND) after it. An
// [Edit] overrides any field of a step's segment, options, payload and
// checksum included; [Scenario.RebuildStep] shows what the edit breaks
// downstream, [Scenario.Rebuild] recomputes the rest of the connection from
// it. [Scenarios] lists the catalogue and [New] builds one by name: open,
// data, four-way close, three-segment close, simultaneous open and close,
// half-close, abortive close, refused connection, Fast Open, ECN and AccECN
// setup, and sequence numbers that wrap. [FromSegments] turns a captured
// connection into a scenario to edit. Every type is plain data that
// encoding/json marshals with stable names.
//
// A step whose Crossing is set is delivered only after the next step's
// segment is sent, so that two segments cross in flight: that is how the
// simultaneous open and close are built. Data on a SYN is taken by a server
// that has Fast Open on when the SYN carries a cookie (RFC 7413 §4.2).
//
// # Checking
//
// A [Checker] takes [Segment] values in capture order (the fields of a
// packet from the project's capture package), demultiplexes them by
// four-tuple and follows each connection through the eleven states of RFC
// 9293 §3.3.2. For every segment it returns a [Verdict]: the checksum status
// (good, bad, partial for offloaded, unverified), both endpoints after it,
// and the [Finding] values for the rules the segment breaks, each with a
// [Severity], a stable [Code] (Wireshark's expert-info name where there is
// one), the rule's source, the field, the value seen and expected, and a
// [Fix] that [Segment.Apply] or [Edit.Apply] applies.
//
// A capture that starts mid-connection is checked from what it shows: the
// negotiation it did not see is taken as unknown and the rules that depend
// on it are skipped. Segments larger than the MTU (GSO), keep-alives,
// zero-window probes, D-SACK blocks below the acknowledgment, Fast Open
// data on the SYN and crossing FINs are not errors. A header cut short by
// the capture's snap length is checked from its fixed part. A segment the
// capture missed makes one finding (previous_segment_not_captured, or
// ack_lost_segment where its acknowledgment shows), and the checker goes on
// as if it had seen it; an ACK beyond anything the peer's largest window let
// it send is no lost segment's, and is dropped as RFC 9293 §3.10.7.4 says.
//
// The side that sends the first SYN is the client; in a capture that starts
// later, the endpoint with the higher port. The checker is deterministic,
// allocates nothing for a segment without findings once its connection is
// known, and keeps a fixed amount of state per connection (about 300
// bytes), for at most [Checker.MaxConns] connections.
//
// # Rules
//
//	code                           severity  field     rule                        fix
//	malformed                      error     options   RFC 9293 §3.1               -
//	checksum_bad                   error     checksum  RFC 9293 §3.1               set the checksum
//	ack_nonzero                    warning   ack       RFC 9293 §3.1               set ack to 0
//	urgent_nonzero                 note      urgent    RFC 9293 §3.8.5             set urgent to 0
//	reserved_nonzero               warning   flags     RFC 9293 §3.1               clear the reserved bits
//	ack_missing                    error     flags     RFC 9293 §3.10.7.4          set ACK
//	ack_unacceptable               error     ack       RFC 9293 §3.10.7.3, §3.10.7.4, RFC 5961 §5.2  set ack
//	ack_lost_segment               error     ack       RFC 9293 §3.10.7.4          set ack to SND.NXT
//	                               (warning in a capture that started mid-connection: Wireshark's "ACKed unseen segment")
//	rst_unacceptable               error     ack, seq  RFC 9293 §3.10.7.3, RFC 5961 §3.2  set ack or seq
//	rst_challenge                  warning   seq       RFC 5961 §3.2               set seq to RCV.NXT
//	syn_unexpected                 warning   flags     RFC 5961 §4.2               clear SYN
//	seq_unacceptable               error     seq       RFC 9293 §3.10.7.4 Table 6  set seq to SND.NXT (none into a zero window)
//	data_after_fin                 error     seq       RFC 9293 §3.10.7.4          -
//	previous_segment_not_captured  warning   seq       Wireshark TCP analysis      set seq to SND.NXT
//	out_of_order                   warning   seq       Wireshark TCP analysis      -
//	retransmission                 note      seq       RFC 6298 §5                 -
//	dup_ack                        note      ack       RFC 5681 §2                 -
//	keep_alive                     note      seq       RFC 9293 §3.8.4             -
//	zero_window_probe              note      payload   RFC 9293 §3.8.6.1           -
//	zero_window                    warning   window    RFC 9293 §3.8.6.1           -
//	mss_absent                     note      options   RFC 9293 §3.7.1             add mss 1460
//	mss_present                    warning   options   RFC 9293 §3.7.1             remove mss
//	wscale_present                 warning   options   RFC 7323 §2.2               remove wscale
//	sack_perm_present              warning   options   RFC 2018 §2                 remove sackOK
//	window_scale_shift_exceeds_14  warning   options   RFC 7323 §2.3               set the shift to 14
//	wscale_unsolicited             error     options   RFC 7323 §2.2               remove wscale
//	ts_unsolicited                 error     options   RFC 7323 §3.2               remove TS
//	sack_not_permitted             error     options   RFC 2018 §2                 remove sack
//	ts_not_negotiated              warning   options   RFC 7323 §3.2               remove TS
//	ts_missing                     error     options   RFC 7323 §3.2               add TS
//	ecn_unsolicited                error     flags     RFC 3168 §6.1.1, RFC 9768 §3.1.1  fix the ECN bits
//	ecn_not_negotiated             warning   flags     RFC 3168 §6.1.1             clear ECE/CWR/AE
//	ect_not_negotiated             warning   tos       RFC 3168 §6.1.1             clear the ECN codepoint
//
// In detail: in SYN-SENT an ACK is acceptable iff ISS < SEG.ACK ≤ SND.NXT,
// and a RST only with an acceptable ACK (§3.10.7.3); in SYN-RECEIVED iff
// SND.UNA < SEG.ACK ≤ SND.NXT (§3.10.7.4). Every segment after the initial
// SYN carries ACK; an ACK of data not yet sent is dropped, and so is one
// below SND.UNA − MAX.SND.WND (RFC 5961 §5.2). A RST at
// RCV.NXT resets; one elsewhere in the window draws a challenge ACK, one
// outside it is dropped. A segment is acceptable when it starts, or ends,
// in RCV.NXT ≤ seq < RCV.NXT+RCV.WND modulo 2^32, the window being the
// right edge the receiver advertised. Window scaling applies only when both
// SYNs carried Window Scale, SACK only when both carried SACK-Permitted,
// Timestamps only when both carried them; MSS, Window Scale and
// SACK-Permitted belong on SYN segments only. ECN is in force after an
// ECN-setup SYN (ECE and CWR) answered by an ECN-setup SYN-ACK (ECE only);
// Accurate ECN after a SYN with AE, CWR and ECE answered as RFC 9768 Table
// 2 says. The retransmission, duplicate ACK, out-of-order, previous segment
// not captured, ACKed unseen segment and zero window analyses follow
// Wireshark's definitions.
package handshake
