//go:build js && wasm

package main

import (
	"runtime"
	"syscall/js"
)

func main() {
	register()
	if ready := js.Global().Get("tcpwireReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// register sets globalThis.tcpwire to the API object.
func register() {
	api := js.Global().Get("Object").New()
	api.Set("update", fn(func(args []js.Value) any {
		return string(Update(arg(args, 0).String(), arg(args, 1).String(), arg(args, 2).Int(), arg(args, 3).String()))
	}))
	api.Set("scenarios", fn(func([]js.Value) any {
		return string(Scenarios())
	}))
	api.Set("importHex", fn(func(args []js.Value) any {
		return string(ImportHex(arg(args, 0).String()))
	}))
	api.Set("importCapture", fn(func(args []js.Value) any {
		src := arg(args, 0)
		b := make([]byte, src.Get("length").Int())
		js.CopyBytesToGo(b, src)
		return string(ImportCapture(b))
	}))
	api.Set("exportPcap", fn(func(args []js.Value) any {
		b, err := ExportPcap(arg(args, 0).String())
		if err != nil {
			return js.Global().Get("Error").New(err.Error())
		}
		out := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(out, b)
		return out
	}))
	js.Global().Set("tcpwire", api)
}

// fn wraps an API function so that a panic becomes a JavaScript Error for
// that call instead of stopping the module, and the page, for good.
func fn(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				msg := "internal error"
				switch e := r.(type) {
				case runtime.Error:
					msg += ": " + e.Error()
				case error:
					msg += ": " + e.Error()
				case string:
					msg += ": " + e
				}
				result = js.Global().Get("Error").New(msg)
			}
		}()
		return f(args)
	})
}

// arg returns args[i], or a zero value of the right kind when the page left
// it out: -1 for the step index, "" otherwise.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) && !args[i].IsUndefined() && !args[i].IsNull() {
		return args[i]
	}
	if i == 2 {
		return js.ValueOf(-1)
	}
	return js.ValueOf("")
}
