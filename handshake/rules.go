package handshake

// The rule each finding cites.
const (
	ruleHeader       = "RFC 9293 §3.1"
	ruleChecksum     = "RFC 9293 §3.1"
	ruleSynSent      = "RFC 9293 §3.10.7.3"
	ruleOtherStates  = "RFC 9293 §3.10.7.4"
	ruleSeqAccept    = "RFC 9293 §3.10.7.4 Table 6"
	ruleAckBit       = "RFC 9293 §3.10.7.4 (fifth check)"
	ruleRST          = "RFC 5961 §3.2"
	ruleSYN          = "RFC 5961 §4.2"
	ruleMSS          = "RFC 9293 §3.7.1"
	ruleWScale       = "RFC 7323 §2.2"
	ruleWScaleShift  = "RFC 7323 §2.3"
	ruleTS           = "RFC 7323 §3.2"
	ruleSACKPerm     = "RFC 2018 §2"
	ruleSACK         = "RFC 2018 §3"
	ruleECN          = "RFC 3168 §6.1.1"
	ruleAccECN       = "RFC 9768 §3.1.1"
	ruleRetransmit   = "RFC 6298 §5"
	ruleDupAck       = "RFC 5681 §2"
	ruleKeepAlive    = "RFC 9293 §3.8.4"
	ruleZeroWindow   = "RFC 9293 §3.8.6.1"
	ruleCapture      = "Wireshark TCP analysis"
	ruleFIN          = "RFC 9293 §3.10.7.4 (eighth check)"
	ruleUrgent       = "RFC 9293 §3.8.5"
	ruleReservedBits = "RFC 9293 §3.1"
)
