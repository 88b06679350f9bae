// Starts "tcpwire serve" on a free port and a headless Chromium for the
// end-to-end tests and the README screenshot.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const artifacts = join(root, "test-artifacts");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// startServer builds tcpwire once and serves the playground; it resolves
// with the base URL and a stop function once the module is built.
export async function startServer() {
  const bin = join(mkdtempSync(join(tmpdir(), "tcpwire-e2e-")), "tcpwire");
  execFileSync("go", ["build", "-o", bin, "./cmd/tcpwire"], { cwd: root, stdio: "inherit" });
  const port = await freePort();
  const proc = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`, "--src", root], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("tcpwire serve did not start: " + out)), 170_000);
    proc.stdout.on("data", (d) => {
      out += d;
      process.stderr.write(d);
      const m = out.match(/playground at (\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on("exit", (code) => { clearTimeout(timer); reject(new Error(`tcpwire serve exited with ${code}: ${out}`)); });
  });
  return { url, stop: () => proc.kill("SIGTERM") };
}

export async function launch() {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// openPage loads url in a new page of the given width and waits for the
// engine; page errors fail the test through the errors array.
export async function openPage(browser, url, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  return { page, errors, context };
}
