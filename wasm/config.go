package main

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"

	"github.com/tcpwire/tcpwire/handshake"
)

// Config holds the settings of the two endpoints a scenario is built from,
// index 0 for A (the client) and 1 for B (the server).
type Config struct {
	Port   [2]uint16
	ISN    [2]uint32
	Window [2]uint32
	// MSS is the Maximum Segment Size offered on the SYN, 0 for none.
	MSS [2]uint16
	// WScale is the Window Scale shift offered on the SYN, -1 for none.
	WScale [2]int8
	// SACK and TS say whether the SYN offers SACK-Permitted and Timestamps.
	SACK, TS [2]bool
}

// The defaults are the endpoints the handshake package's scenarios start
// from.
var defaultA, defaultB, defaultConfig = func() (a, b netip.Addr, c Config) {
	st := State{}
	client, server := handshake.DefaultEndpoints()
	st.configFrom(&handshake.Scenario{Client: client, Server: server})
	return st.A, st.B, st.Config
}()

// Config keys in the state text: a side letter, a for A and b for B,
// followed by one of these.
const (
	keyPort   = "port"
	keyISN    = "isn"
	keyWindow = "win"
	keyMSS    = "mss"
	keyWScale = "ws"
	keySACK   = "sack"
	keyTS     = "ts"
)

var errConfigKey = errors.New("unknown key")

// set sets the setting named by key ("aport", "bisn", …) from val.
func (c *Config) set(key, val string) error {
	if len(key) < 2 || (key[0] != 'a' && key[0] != 'b') {
		return errConfigKey
	}
	side := int(key[0] - 'a')
	switch key[1:] {
	case keyPort:
		return setUint(&c.Port[side], val, 16)
	case keyISN:
		return setUint(&c.ISN[side], val, 32)
	case keyWindow:
		return setUint(&c.Window[side], val, 32)
	case keyMSS:
		return setUint(&c.MSS[side], val, 16)
	case keyWScale:
		if val == "" || val == "-1" {
			c.WScale[side] = -1
			return nil
		}
		n, err := strconv.ParseUint(val, 10, 8)
		if err != nil || n > 255 {
			return errors.New("window scale must be 0 to 255, or empty for none")
		}
		c.WScale[side] = int8(min(n, 127))
		return nil
	case keySACK, keyTS:
		on := val == "1" || strings.EqualFold(val, "true") || strings.EqualFold(val, "on")
		if !on && val != "0" && val != "" && !strings.EqualFold(val, "false") {
			return errors.New("must be 1 or 0")
		}
		if key[1:] == keySACK {
			c.SACK[side] = on
		} else {
			c.TS[side] = on
		}
		return nil
	}
	return errConfigKey
}

func setUint[T uint16 | uint32](p *T, val string, bits int) error {
	n, err := strconv.ParseUint(strings.TrimSpace(val), 0, bits)
	if err != nil {
		return errors.New("must be a number from 0 to " + strconv.FormatUint(1<<bits-1, 10))
	}
	*p = T(n)
	return nil
}

func (c *Config) appendText(b []byte) []byte {
	for side := range 2 {
		p := string(rune('a' + side))
		b = appendKV(b, p+keyPort, uint64(c.Port[side]))
		b = appendKV(b, p+keyISN, uint64(c.ISN[side]))
		b = appendKV(b, p+keyWindow, uint64(c.Window[side]))
		b = appendKV(b, p+keyMSS, uint64(c.MSS[side]))
		b = append(b, '&')
		b = append(b, p+keyWScale+"="...)
		if c.WScale[side] >= 0 {
			b = strconv.AppendInt(b, int64(c.WScale[side]), 10)
		}
		b = appendKV(b, p+keySACK, b2u(c.SACK[side]))
		b = appendKV(b, p+keyTS, b2u(c.TS[side]))
	}
	return b
}

func appendKV(b []byte, key string, v uint64) []byte {
	b = append(b, '&')
	b = append(b, key...)
	b = append(b, '=')
	return strconv.AppendUint(b, v, 10)
}

func b2u(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}
