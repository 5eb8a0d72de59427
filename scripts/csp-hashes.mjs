// Trunk post-build hook: the page's Content-Security-Policy allows no inline script except
// Trunk's own loader, by hash. Replaces `'inline-script-hashes'` in the staged index.html with
// the SHA-256 of every inline <script> Trunk wrote (the loader; in `trunk serve` also the
// auto-reload script), so the policy stays exact whatever Trunk emits.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
const html = readFileSync(file, "utf8");
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
if (!html.includes("'inline-script-hashes'")) {
  console.error(`csp-hashes: no 'inline-script-hashes' placeholder in ${file}`);
  process.exit(1);
}
writeFileSync(file, html.replace("'inline-script-hashes'", hashes.join(" ")));
console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash`);
