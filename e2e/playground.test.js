// End-to-end tests of the playground in headless Chromium, against the
// page "tcpwire serve" serves. Screenshots go to test-artifacts/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer, launch, openPage, root, artifacts } from "./harness.js";

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const shot = (page, name) => page.screenshot({ path: join(artifacts, name + ".png"), fullPage: true });

async function verdicts(page) {
  return page.locator("#ladder .step-btn .verdict-badge").allTextContents();
}

async function build(page, name) {
  await page.selectOption("#scenario", name);
  await page.click("#build");
  await page.waitForFunction((n) => location.hash.includes("sc=" + n), name);
}

test("the server sends the module compressed, as application/wasm", async () => {
  const res = await fetch(server.url + "tcpwire.wasm", { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/wasm");
  assert.equal(res.headers.get("content-encoding"), "gzip");
});

test("three-way open and four-way close: every step ok", async () => {
  const { page, errors } = await openPage(browser, server.url);
  for (const name of ["open", "close", "open-data-close"]) {
    await build(page, name);
    const v = await verdicts(page);
    assert.ok(v.length >= 3, `${name}: ${v.length} steps`);
    assert.deepEqual(v, v.map(() => "ok"), name);
  }
  // The ladder shows the states and TCB of both ends after each step.
  const first = page.locator("#ladder .step").first();
  await assertText(first.locator(".tcb-a .state-name"), "A SYN-SENT");
  await assertText(page.locator("#ladder .step").last().locator(".tcb-a .state-name"), "A TIME-WAIT");
  assert.match(await first.locator(".tcb-a").textContent(), /SND\.NXT\s*1001/);
  assert.match(await page.locator("#ladder .step").nth(0).locator(".label").textContent(), /Flags \[S\], seq 1000/);
  await shot(page, "open-data-close");
  assert.deepEqual(errors, []);
});

async function assertText(locator, want) {
  assert.equal((await locator.textContent()).trim(), want);
}

test("a wrong ack is an error with its rule, and the fix clears it", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await build(page, "open");
  await page.click("#step-2");
  const ack = await page.inputValue("#f-ack");
  await page.fill("#f-ack", String(Number(ack) + 100));
  await page.press("#f-ack", "Tab");
  await page.waitForSelector("#step-2 .v-error");
  const verdict = page.locator("#verdict");
  assert.match(await verdict.locator(".verdict-line").textContent(), /Step 3: error/);
  const finding = verdict.locator(".finding").first();
  assert.match(await finding.locator(".rule").textContent(), /RFC 9293 §3\.\d+/);
  assert.equal(await verdict.getAttribute("aria-live"), "polite");
  await shot(page, "wrong-ack");
  await finding.locator("button.fix").click();
  await page.waitForSelector("#step-2 .v-ok");
  assert.ok(await page.evaluate(() => !!document.activeElement.closest("#verdict")), "the focus stays on the verdict, not lost to the page");
  assert.equal(await page.inputValue("#f-ack"), ack);
  assert.deepEqual(await verdicts(page), ["ok", "ok", "ok"]);
  assert.deepEqual(errors, []);
});

test("editing a field changes the bytes and the checksum", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await build(page, "open");
  await page.click("#step-0");
  const bytes = async () => page.locator("#hexdump .byte").allTextContents();
  const before = await bytes();
  const sumBefore = await page.inputValue("#f-checksum");
  await page.fill("#f-window", "4096");
  await page.press("#f-window", "Tab");
  await page.waitForFunction(() => document.querySelector('#hexdump .byte[data-offset="14"]').textContent === "10");
  const after = await bytes();
  assert.deepEqual(after.slice(14, 16), ["10", "00"], "window bytes 14-15");
  assert.notEqual(await page.inputValue("#f-checksum"), sumBefore, "the auto checksum follows");
  assert.notDeepEqual(after.slice(16, 18), before.slice(16, 18));
  assert.equal((await page.locator(".ck-status").textContent()).trim(), "good");

  // Numbers are spin buttons with their range: arrow keys step by one.
  assert.equal(await page.getAttribute("#f-window", "role"), "spinbutton");
  assert.equal(await page.getAttribute("#f-window", "aria-valuemax"), "65535");
  await page.focus("#f-window");
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => document.querySelector('#hexdump .byte[data-offset="15"]').textContent === "01");
  assert.equal(await page.getAttribute("#f-window", "aria-valuenow"), "4097");

  // Hovering the field lights the same bytes in the hex dump and the bits.
  await page.hover("#f-window");
  assert.deepEqual(await page.locator("#hexdump .byte.lit").evaluateAll((els) => els.map((e) => e.dataset.offset)), ["14", "15"]);
  assert.equal(await page.locator("#bits .cell.lit").count(), 1);

  // A flag checkbox and a deliberately wrong checksum.
  await page.check("#f-flag_ece");
  await page.waitForFunction(() => document.querySelector('#hexdump .byte[data-offset="13"]').textContent === "42");
  await page.check("#ck-wrong");
  await page.waitForSelector(".ck-status.ck-bad");
  assert.match(await page.locator("#verdict").textContent(), /checksum_bad/);
  assert.match(await page.locator(".pseudo caption").textContent(), /IPv4, RFC 9293 §3\.1/);
  await shot(page, "field-edit");
  assert.deepEqual(errors, []);
});

test("the options editor shows the 40-byte budget", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await build(page, "open");
  await page.click("#step-0");
  assert.match(await page.locator(".budget label").textContent(), /20 of 40 bytes/);
  for (let i = 0; i < 2; i++) {
    await page.selectOption("#opt-add-kind", "TS");
    await page.click("#opt-add");
  }
  await page.waitForFunction(() => /40 of 40 bytes/.test(document.querySelector(".budget label").textContent));
  await page.selectOption("#opt-add-kind", "nop");
  await page.click("#opt-add");
  await page.waitForSelector("#status.error");
  assert.match(await page.locator("#status").textContent(), /40 bytes/);
  assert.deepEqual(errors, []);
});

test("importing a real capture", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.click("#import-open");
  await page.setInputFiles("#import-file", join(root, "testdata", "captures", "http-ipv4.pcap"));
  await page.waitForFunction(() => !location.hash.includes("sc="));
  const labels = await page.locator("#ladder .label").allTextContents();
  assert.ok(labels.length >= 6, `${labels.length} segments`);
  assert.match(labels[0], /Flags \[S\]/);
  assert.match(labels[1], /Flags \[S\.\]/);
  assert.equal(await page.inputValue("#ep-a-addr"), "127.0.0.1");
  // A loopback capture holds offloaded checksums: partial, not bad.
  assert.equal((await page.locator(".ck-status").textContent()).trim(), "partial");
  assert.ok(!(await verdicts(page)).includes("error"));
  await shot(page, "import-pcap");

  await page.click("#import-open");
  await page.fill("#import-hex", "zz");
  await page.click("#import-go");
  assert.match(await page.locator("#import-error").textContent(), /line 1/);
  assert.deepEqual(errors, []);
});

test("the URL holds the state: reload, back and forward", async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await build(page, "close");
  await page.click("#step-4");
  const seq = await page.inputValue("#f-seq");
  await page.fill("#f-seq", "");
  await page.locator("#f-seq").pressSequentially("123456"); // six edits, one history entry
  await page.press("#f-seq", "Tab");
  await page.waitForFunction(() => /seq 123456/.test(document.querySelector("#step-4 .label").textContent));
  const url = page.url();
  const ladder = await page.locator("#ladder").innerText();

  const again = await context.newPage();
  await again.goto(url);
  await again.waitForSelector("body[data-ready=true]");
  assert.equal(await again.locator("#ladder").innerText(), ladder);
  assert.equal(await again.inputValue("#f-seq"), "123456");
  assert.equal(await again.getAttribute("#step-4", "aria-current"), "step");

  await page.goBack();
  await page.waitForFunction((s) => new RegExp(`seq ${s}\\b`).test(document.querySelector("#step-4 .label").textContent), seq);
  await page.goForward();
  await page.waitForFunction(() => /seq 123456/.test(document.querySelector("#step-4 .label").textContent));
  assert.deepEqual(errors, []);
});

test("keyboard: tab reaches every control, each with a name; arrows move between steps", async () => {
  const { page, errors } = await openPage(browser, server.url);
  const seen = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const name = el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || el.title;
      return { id: el.id, tag: el.tagName, name: (name || "").trim() };
    });
    seen.push(info);
    if (info.tag === "BODY") break;
  }
  const ids = seen.map((s) => s.id);
  for (const want of ["scenario", "build", "import-open", "ep-a-addr", "step-0", "f-seq", "f-flag_syn", "opt-add", "ck-auto", "pl-data"]) {
    assert.ok(ids.includes(want), `tab reaches #${want}`);
  }
  const unnamed = seen.filter((s) => s.tag !== "BODY" && s.tag !== "SUMMARY" && !s.name);
  assert.deepEqual(unnamed, [], "every focusable control has an accessible name");
  assert.equal(ids.filter((id) => id.startsWith("step-")).length, 1, "the ladder is one tab stop");

  await page.focus("#step-0");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.id), "step-2");
  assert.match(await page.locator("#editor-h").textContent(), /Step 3 of/);
  assert.deepEqual(errors, []);
});

test("works 360 px wide", async () => {
  const { page, errors } = await openPage(browser, server.url, 360);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  await shot(page, "narrow-360");
  assert.deepEqual(errors, []);
});

test("export: pcap download and copy as Go", async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  await build(page, "open");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-pcap")]);
  assert.equal(download.suggestedFilename(), "tcpwire.pcap");
  const { readFile } = await import("node:fs/promises");
  const file = await readFile(await download.path());
  assert.equal(file.readUInt32LE(0), 0xa1b2c3d4, "pcap magic");
  assert.equal(file.readUInt32LE(20), 101, "LINKTYPE_RAW");

  await page.click("#step-0");
  await page.click("#export-go");
  // Headless Chromium may refuse the clipboard: the text then shows in a dialog.
  const copied = await page.waitForFunction(() =>
    /Copied the Go literal/.test(document.getElementById("status").textContent) || document.getElementById("copy-dialog").open);
  assert.ok(copied);
  if (await page.evaluate(() => document.getElementById("copy-dialog").open)) {
    assert.match(await page.inputValue("#copy-text"), /h := header\.Header\{\n\tSrcPort: 50000,/);
  } else {
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /h := header\.Header\{/);
  }
  assert.deepEqual(errors, []);
});

// contrastFailures lists the visible text whose colour against its
// background is below WCAG 2.2 AA: 4.5:1, or 3:1 for large text.
function contrastFailures() {
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el.checkVisibility() || el.closest(":disabled, [aria-hidden=true], .skip")) continue;
    const st = getComputedStyle(el);
    const fg = rgb(st.color).slice(0, 3), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) out.push(`${el.tagName}.${el.className} "${n.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return out;
}

test("text contrast meets WCAG 2.2 AA", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await build(page, "open");
  await page.click("#step-2");
  await page.fill("#f-ack", "1");
  await page.press("#f-ack", "Tab");
  await page.waitForSelector("#step-2 .v-error");
  await page.hover("#f-window");
  assert.deepEqual(await page.evaluate(contrastFailures), []);
  await page.check("#ck-wrong");
  await page.waitForSelector(".ck-status.ck-bad");
  assert.deepEqual(await page.evaluate(contrastFailures), []);
  assert.deepEqual(errors, []);
});

test("the first error is one click away", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await build(page, "close");
  assert.equal(await page.isHidden("#first-error"), true);
  await page.click("#step-4");
  // An ACK of data never sent (RFC 9293 §3.10.7.4).
  await page.fill("#f-ack", String(Number(await page.inputValue("#f-ack")) + 100000));
  await page.press("#f-ack", "Tab");
  await page.waitForSelector("#step-4 .v-error");
  await page.click("#step-0");
  await page.click("#first-error");
  assert.equal(await page.evaluate(() => document.activeElement.id), "step-4");
  assert.equal(await page.getAttribute("#step-4", "aria-current"), "step");
  assert.deepEqual(errors, []);
});

test("IPv6 endpoints and pasted hex", async () => {
  const { page, errors } = await openPage(browser, server.url);
  await build(page, "open");
  await page.fill("#ep-a-addr", "2001:db8::1");
  await page.press("#ep-a-addr", "Tab");
  await page.waitForFunction(() => /IPv6, RFC 8200 §8\.1/.test(document.querySelector(".pseudo caption")?.textContent));
  assert.match(await page.inputValue("#ep-b-addr"), /^2001:db8::/);
  assert.deepEqual(await verdicts(page), ["ok", "ok", "ok"], "the scenario is rebuilt over IPv6");

  await page.fill("#ep-a-addr", "not an address");
  await page.press("#ep-a-addr", "Tab");
  await page.waitForSelector("#ep-a-addr[aria-invalid=true]");
  assert.match(await page.locator("#status").textContent(), /not an IP address/);

  // An IPv4 packet carrying a SYN, pasted as hex.
  await page.click("#import-open");
  await page.fill("#import-hex", "45 00 00 2c 00 00 40 00 40 06 00 00 c0 00 02 01 c0 00 02 02\n9c 40 00 50 00 00 03 e8 00 00 00 00 60 02 fa f0 78 b9 00 00 02 04 05 b4".replace("\n", " "));
  await page.click("#import-go");
  await page.waitForFunction(() => document.querySelectorAll("#ladder .step").length === 1 && !location.hash.includes("sc="));
  assert.equal(await page.inputValue("#ep-a-addr"), "192.0.2.1");
  assert.match(await page.locator("#ladder .label").first().textContent(), /40000 > 80: Flags \[S\], seq 1000/);
  assert.equal((await page.locator(".ck-status").textContent()).trim(), "good");
  assert.deepEqual(errors, []);
});
