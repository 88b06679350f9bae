// Writes docs/playground.png, the README's screenshot: the open-data-close
// scenario with step 3 broken (a wrong ack) and selected, its ack field
// hovered. Run: node e2e/screenshot.js (TCPWIRE_URL=http://… uses a
// running "tcpwire serve" instead of starting one).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startServer, launch, openPage, root } from "./harness.js";

const server = process.env.TCPWIRE_URL ? { url: process.env.TCPWIRE_URL, stop() {} } : await startServer();
const browser = await launch();
try {
  const { page } = await openPage(browser, server.url, 1280);
  await page.locator("#step-2").click();
  const ack = Number(await page.inputValue("#f-ack"));
  await page.fill("#f-ack", String(ack + 100));
  await page.press("#f-ack", "Tab");
  await page.waitForSelector("#step-2 .v-error");
  await page.evaluate(() => document.activeElement.blur());
  await page.locator("#f-ack").hover();
  mkdirSync(join(root, "docs"), { recursive: true });
  await page.screenshot({ path: join(root, "docs", "playground.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1060 } });
} finally {
  await browser.close();
  server.stop();
}
