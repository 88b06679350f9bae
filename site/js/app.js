// The playground page: loads the WebAssembly engine, keeps the state in
// the URL fragment and sends every edit to the engine as one call. All TCP
// logic (codec, checksum, checker, scenarios) runs in Go; this file only
// wires controls to engine calls.

import { render } from "./render.js";
import { linkViews } from "./link.js";

const $ = (id) => document.getElementById(id);
let engine = null;
let view = null;
// typing is the id of the control being edited: its first change gets a
// history entry, the next ones replace it, so that back undoes the whole
// edit. Controls are drawn again after every change, hence the id.
let typing = null;
const defaultScenario = "open-data-close";

function status(msg, isError = false) {
  const el = $("status");
  el.textContent = msg;
  el.classList.toggle("error", isError);
}

// call runs an engine function and parses its JSON view; the engine turns
// an internal failure into an Error, shown as such.
function call(name, ...args) {
  const out = engine[name](...args);
  if (out instanceof Error) {
    status(out.message, true);
    return null;
  }
  return JSON.parse(out);
}

// apply runs one engine op and shows the result. push says whether the
// result gets a history entry of its own (back undoes it).
export function apply(op, step = -1, arg = "", { push = true, control = null } = {}) {
  if (!engine) return;
  const state = view ? view.state : location.hash.slice(1);
  const next = call("update", state, op, step, String(arg));
  if (next) show(next, { push, control });
}

function show(next, { push = true, control = null } = {}) {
  document.querySelectorAll("[aria-invalid=true]").forEach((el) => { el.removeAttribute("aria-invalid"); el.removeAttribute("aria-errormessage"); });
  if (next.error) {
    status(next.error, true);
  } else {
    status(summary(next));
  }
  const changed = !view || next.state !== view.state;
  view = next;
  if (changed) {
    const url = "#" + next.state;
    if (push && (!control || typing !== control.id)) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    if (control) typing = control.id;
  }
  render(view, { apply, $ });
  // The control that caused an error is marked once drawn again; the
  // status line, which is live, says what is wrong.
  const bad = next.error && control && document.getElementById(control.id);
  if (bad) {
    bad.setAttribute("aria-invalid", "true");
    bad.setAttribute("aria-errormessage", "status");
  }
}

function summary(v) {
  if (!v.steps.length) return "No steps yet: build a scenario, import segments or add a step.";
  const counts = { ok: 0, warning: 0, error: 0 };
  v.steps.forEach((s) => counts[s.verdict]++);
  const first = v.steps.findIndex((s) => s.verdict === "error");
  const n = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
  let msg = `${n(v.steps.length, "step")}: ${counts.ok} ok, ${n(counts.warning, "warning")}, ${n(counts.error, "error")}.`;
  if (first >= 0) msg += ` First error at step ${first + 1}.`;
  return msg;
}

function load(hash) {
  const text = hash.slice(1);
  if (text) {
    const v = call("update", decodeURIComponent(text), "", -1, "");
    if (v) show(v, { push: false });
  } else {
    const names = call("scenarios").map((s) => s.name);
    const first = names.includes(defaultScenario) ? defaultScenario : names[0];
    const v = call("update", "", first ? "scenario" : "", -1, first || "");
    if (v) show(v, { push: false });
  }
}

async function start() {
  try {
    if (typeof Go !== "function") throw new Error("wasm_exec.js did not load (is tcpwire serve still building the module?)");
    const go = new Go();
    const ready = new Promise((resolve) => { globalThis.tcpwireReady = resolve; });
    const res = await fetch("tcpwire.wasm");
    if (!res.ok) throw new Error(await res.text());
    const { instance } = await WebAssembly.instantiateStreaming(res, go.importObject);
    go.run(instance);
    await ready;
  } catch (err) {
    status("The checker could not load: " + err.message, true);
    return;
  }
  engine = globalThis.tcpwire;
  wire();
  load(location.hash);
  document.body.dataset.ready = "true";
}

// wire connects the page's fixed controls; render.js connects the ones it
// draws.
function wire() {
  const picker = $("scenario");
  picker.replaceChildren();
  picker.append(new Option("Empty: start with no steps", ""));
  for (const s of call("scenarios")) {
    picker.append(new Option(`${s.name}: ${s.description}`, s.name));
  }
  $("scenario-form").addEventListener("submit", (e) => {
    e.preventDefault();
    apply("scenario", -1, picker.value);
  });
  document.querySelectorAll(".step-actions button").forEach((b) =>
    b.addEventListener("click", () => apply(b.dataset.op, view ? view.sel : -1)));

  window.addEventListener("popstate", () => { typing = null; load(location.hash); });
  document.addEventListener("focusin", (e) => { if (e.target.id !== typing) typing = null; });

  const dialog = $("import-dialog");
  $("import-open").addEventListener("click", () => { $("import-error").textContent = ""; dialog.showModal(); });
  $("import-go").addEventListener("click", () => {
    const next = call("importHex", $("import-hex").value);
    if (!next) return;
    if (next.error && !next.steps.length) { $("import-error").textContent = next.error; return; }
    dialog.close();
    show(next);
  });
  $("import-file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const next = call("importCapture", bytes);
    if (!next) return;
    if (next.error && !next.steps.length) { $("import-error").textContent = next.error; return; }
    dialog.close();
    e.target.value = "";
    show(next);
  });

  $("export-pcap").addEventListener("click", () => {
    const out = engine.exportPcap(view.state);
    if (out instanceof Error) { status(out.message, true); return; }
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([out], { type: "application/vnd.tcpdump.pcap" }));
    a.download = "tcpwire.pcap";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    status(`Downloaded tcpwire.pcap: ${view.steps.length} segments.`);
  });
  $("export-hex").addEventListener("click", () => copy(view.steps.map((s) => s.hex).join("\n"), "hex of every step"));
  $("export-go").addEventListener("click", () => {
    const s = view.steps[view.sel];
    if (s && s.go) copy(s.go, "Go literal of step " + (view.sel + 1));
    else status("The selected step does not decode, so it has no Go literal.", true);
  });
  linkViews();
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    status("Copied the " + what + ".");
  } catch {
    $("copy-text").value = text;
    $("copy-dialog").showModal();
    $("copy-text").select();
  }
}

start();
