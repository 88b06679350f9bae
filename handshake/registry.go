package handshake

import (
	"errors"
	"net/netip"
	"slices"

	"github.com/tcpwire/tcpwire/header"
)

// Info names a scenario of the catalogue and says what it shows.
type Info struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ErrUnknownScenario: no scenario has the name.
var ErrUnknownScenario = errors.New("handshake: unknown scenario")

// entry is a scenario of the catalogue: its steps and how it changes the
// default endpoints.
type entry struct {
	Info
	setup func(c, s *Endpoint)
	steps []Step
}

// The payloads of the built scenarios.
var (
	request  = []byte("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")
	response = []byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
)

func step(from Side, a Action, note string) Step { return Step{From: from, Action: a, Note: note} }

func dataStep(from Side, a Action, data []byte, note string) Step {
	return Step{From: from, Action: a, Data: data, Note: note}
}

var (
	openSteps = []Step{
		step(Client, ActSYN, "client connect()"),
		step(Server, ActSYNACK, "server answers from listen()"),
		step(Client, ActACK, "connect() returns; accept() returns"),
	}
	exchangeSteps = []Step{
		dataStep(Client, ActData, request, "client write()"),
		step(Server, ActACK, ""),
		dataStep(Server, ActData, response, "server write()"),
		step(Client, ActACK, ""),
	}
	closeSteps = []Step{
		step(Client, ActFIN, "client close()"),
		step(Server, ActACK, ""),
		step(Server, ActFIN, "server close()"),
		step(Client, ActACK, "client enters TIME-WAIT"),
	}
)

func join(parts ...[]Step) []Step { return slices.Concat(parts...) }

// catalogue lists the scenarios by name, in the order Scenarios gives.
var catalogue = []entry{
	{Info{"open", "three-way handshake: SYN, SYN-ACK, ACK (RFC 9293 §3.5)"}, nil, openSteps},
	{Info{"open-ipv6", "three-way handshake over IPv6"}, func(c, s *Endpoint) {
		c.Addr = netip.MustParseAddrPort("[2001:db8::10]:50000")
		s.Addr = netip.MustParseAddrPort("[2001:db8::20]:80")
	}, openSteps},
	{Info{"data", "open, then a request and a response, each acknowledged"}, nil, join(openSteps, exchangeSteps)},
	{Info{"close", "open, then the four-way close: FIN, ACK, FIN, ACK (RFC 9293 §3.6)"}, nil, join(openSteps, closeSteps)},
	{Info{"open-data-close", "a whole connection: open, request, response, four-way close"}, nil,
		join(openSteps, exchangeSteps, closeSteps)},
	{Info{"three-segment-close", "close where the server's ACK and FIN share one segment"}, nil, join(openSteps, []Step{
		step(Client, ActFIN, "client close()"),
		step(Server, ActFIN, "server close() at once: ACK and FIN together"),
		step(Client, ActACK, "client enters TIME-WAIT"),
	})},
	{Info{"simultaneous-open", "both ends send SYN before either arrives (RFC 9293 §3.5 Figure 8)"}, func(_, s *Endpoint) {
		s.Closed = true // it opens actively too
	}, []Step{
		{From: Client, Action: ActSYN, Note: "client connect()", Crossing: true},
		step(Server, ActSYN, "server connect() to the client"),
		{From: Client, Action: ActSYNACK, Crossing: true},
		step(Server, ActSYNACK, ""),
	}},
	{Info{"simultaneous-close", "both ends send FIN before either arrives: CLOSING (RFC 9293 §3.6 Figure 13)"}, nil, join(openSteps, []Step{
		{From: Client, Action: ActFIN, Note: "client close()", Crossing: true},
		step(Server, ActFIN, "server close()"),
		step(Client, ActACK, ""),
		step(Server, ActACK, ""),
	})},
	{Info{"half-close", "the client shuts down writing; the server keeps sending, then closes"}, nil, join(openSteps, []Step{
		dataStep(Client, ActData, request, "client write()"),
		step(Client, ActFIN, "client shutdown(SHUT_WR)"),
		step(Server, ActACK, ""),
		dataStep(Server, ActData, response, "server write()"),
		step(Client, ActACK, ""),
		dataStep(Server, ActData, []byte("more data after the client's FIN"), "server write()"),
		step(Client, ActACK, ""),
		step(Server, ActFIN, "server close()"),
		step(Client, ActACK, "client enters TIME-WAIT"),
	})},
	{Info{"abort", "open, a request, then an abortive close with RST (SO_LINGER 0)"}, nil, join(openSteps, []Step{
		dataStep(Client, ActData, request, "client write()"),
		step(Server, ActACK, ""),
		step(Client, ActRST, "client close() with SO_LINGER 0"),
	})},
	{Info{"refused", "SYN to a port nobody listens on, answered with RST,ACK (RFC 9293 §3.10.7.1)"}, func(_, s *Endpoint) {
		s.Closed = true
	}, []Step{
		step(Client, ActSYN, "client connect()"),
		step(Server, ActRST, "no listener: connect() fails with ECONNREFUSED"),
	}},
	{Info{"fast-open", "data on the SYN with a Fast Open cookie, acknowledged by the SYN-ACK (RFC 7413)"}, func(c, s *Endpoint) {
		c.FastOpen = []byte{0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81}
		s.FastOpen = c.FastOpen
	}, []Step{
		dataStep(Client, ActSYN, request, "client sendto(MSG_FASTOPEN)"),
		step(Server, ActSYNACK, "the server takes the data with the cookie"),
		step(Client, ActACK, ""),
		dataStep(Server, ActData, response, "server write()"),
		step(Client, ActACK, ""),
	}},
	{Info{"ecn", "ECN setup: SYN with ECE and CWR, SYN-ACK with ECE, data marked ECT(0) (RFC 3168 §6.1.1)"}, func(c, s *Endpoint) {
		c.ECN, s.ECN = ECNClassic, ECNClassic
	}, join(openSteps, exchangeSteps)},
	{Info{"accecn", "Accurate ECN setup: SYN with AE, CWR, ECE; SYN-ACK feedback; ACE counter (RFC 9768)"}, func(c, s *Endpoint) {
		c.ECN, s.ECN = ECNAccurate, ECNAccurate
	}, join(openSteps, exchangeSteps)},
	{Info{"wrap", "sequence numbers that wrap past 2^32 during the exchange"}, func(c, s *Endpoint) {
		c.ISN, s.ISN = header.Seq(0xffff_fff0), header.Seq(0xffff_ffe0)
	}, join(openSteps, exchangeSteps, closeSteps)},
}

// Scenarios lists the catalogue of scenarios New builds.
func Scenarios() []Info {
	out := make([]Info, len(catalogue))
	for i, e := range catalogue {
		out[i] = e.Info
	}
	return out
}

// DefaultEndpoints returns the endpoints the scenarios start from: a client
// at 192.0.2.10:50000 and a server at 198.51.100.20:80 (RFC 5737 addresses),
// ISNs 1000 and 5000, 64 KiB windows, MSS 1460, window scale 7, SACK and
// timestamps offered, no ECN.
func DefaultEndpoints() (client, server Endpoint) {
	client = Endpoint{
		Addr: netip.MustParseAddrPort("192.0.2.10:50000"), ISN: 1000, Window: 65535, MSS: 1460,
		WindowScale: true, Shift: 7, SACKPermitted: true, Timestamps: true, TSClock: 100,
	}
	server = client
	server.Addr, server.ISN, server.TSClock = netip.MustParseAddrPort("198.51.100.20:80"), 5000, 900
	return client, server
}

// New returns the scenario of the catalogue with the given name, built.
func New(name string) (*Scenario, error) {
	for _, e := range catalogue {
		if e.Name != name {
			continue
		}
		s := &Scenario{Name: e.Name, Description: e.Description, Steps: slices.Clone(e.steps)}
		s.Client, s.Server = DefaultEndpoints()
		if e.setup != nil {
			e.setup(&s.Client, &s.Server)
		}
		if err := s.Build(); err != nil {
			return nil, err
		}
		return s, nil
	}
	return nil, ErrUnknownScenario
}
