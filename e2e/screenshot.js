// Writes docs/playground.png, the README's screenshot: the open-data-close
// scenario with step 4 selected. Run: node e2e/screenshot.js
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startServer, launch, openPage, root } from "./harness.js";

const server = await startServer();
const browser = await launch();
try {
  const { page } = await openPage(browser, server.url, 1280);
  await page.locator("#step-3").click();
  await page.locator("#f-ack").hover();
  mkdirSync(join(root, "docs"), { recursive: true });
  await page.screenshot({ path: join(root, "docs", "playground.png"), clip: { x: 0, y: 0, width: 1280, height: 1100 } });
} finally {
  await browser.close();
  server.stop();
}
