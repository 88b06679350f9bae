//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests call the API the way the page does, through globalThis.tcpwire,
// in Node (GOOS=js GOARCH=wasm go test with go_js_wasm_exec).

func api(t *testing.T) js.Value {
	t.Helper()
	register()
	v := js.Global().Get("tcpwire")
	require.Equal(t, js.TypeObject, v.Type())
	return v
}

func TestAPIFunctions(t *testing.T) {
	a := api(t)
	for _, name := range []string{"update", "scenarios", "importHex", "importCapture", "exportPcap"} {
		assert.Equal(t, js.TypeFunction, a.Get(name).Type(), name)
	}
}

func TestAPIUpdateThroughJS(t *testing.T) {
	a := api(t)
	var v viewJSON
	require.NoError(t, json.Unmarshal([]byte(a.Call("update", "", "scenario", -1, "open").String()), &v))
	require.Empty(t, v.Error)
	require.Len(t, v.Steps, 3)

	// Arguments the page leaves out count as empty.
	var again viewJSON
	require.NoError(t, json.Unmarshal([]byte(a.Call("update", v.State).String()), &again))
	assert.Equal(t, v.State, again.State)

	var list []map[string]string
	require.NoError(t, json.Unmarshal([]byte(a.Call("scenarios").String()), &list))
	assert.NotEmpty(t, list)
}

func TestAPICaptureRoundTripThroughJS(t *testing.T) {
	a := api(t)
	file, err := os.ReadFile("../testdata/captures/http-ipv4.pcap")
	require.NoError(t, err)
	arr := js.Global().Get("Uint8Array").New(len(file))
	js.CopyBytesToJS(arr, file)
	var v viewJSON
	require.NoError(t, json.Unmarshal([]byte(a.Call("importCapture", arr).String()), &v))
	require.Empty(t, v.Error)
	require.NotEmpty(t, v.Steps)

	out := a.Call("exportPcap", v.State)
	require.True(t, out.InstanceOf(js.Global().Get("Uint8Array")), "exportPcap returns bytes")
	pcap := make([]byte, out.Get("length").Int())
	js.CopyBytesToGo(pcap, out)
	var back viewJSON
	require.NoError(t, json.Unmarshal(ImportCapture(pcap), &back))
	require.Len(t, back.Steps, len(v.Steps))
	for i := range v.Steps {
		assert.Equal(t, v.Steps[i].Hex, back.Steps[i].Hex, "step %d", i)
	}

	bad := a.Call("exportPcap", "s=zz")
	assert.True(t, bad.InstanceOf(js.Global().Get("Error")))
}

func TestAPIPanicBecomesError(t *testing.T) {
	a := api(t)
	// A step index that is not a number makes js.Value.Int panic.
	out := a.Call("update", "", "select", "not a number", "")
	assert.True(t, out.InstanceOf(js.Global().Get("Error")), "an Error, not a dead module")
	assert.Contains(t, out.Get("message").String(), "internal error")
	// The module still answers.
	assert.Equal(t, js.TypeString, a.Call("update", "").Type())
}
