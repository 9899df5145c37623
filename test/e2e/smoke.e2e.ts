import { openSession, screenshot } from "./browser";
import { serveFolder } from "./server";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The harness itself: a local page loads, an off-machine request is blocked and recorded.
describe("e2e harness", () => {
  it("serves on 127.0.0.1 and blocks requests that would leave it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-e2e-"));
    fs.writeFileSync(
      path.join(dir, "index.html"),
      `<!doctype html><html lang="pl"><body><h1>ok</h1><img src="https://example.org/x.png"></body></html>`,
    );
    const server = await serveFolder(dir);
    const s = await openSession();
    try {
      await s.page.goto(`${server.url}/index.html`);
      await s.page.waitForLoadState("networkidle");
      expect(await s.page.textContent("h1")).toBe("ok");
      expect(s.external).toEqual(["https://example.org/x.png"]);
      await screenshot(s.page, "harness");
    } finally {
      await s.close();
      await server.close();
    }
  });
});
