// Trunk post-build hook: splits the page's module at the screens of src/app/later.rs, so that
// the first screen fetches the entry pages only and each other screen is fetched when first
// opened. Trunk 0.21 cannot split a module (trunk#1022); this does what cargo-leptos `--split`
// does, on Trunk's staged files:
//
// 1. wasm-split-cli (wasm_split_cli_support) splits the module cargo linked (with
//    `--emit-relocs`, which build.rs asks for this module only) into a main module, the
//    screens' parts and the parts they share, and writes the JavaScript that fetches them;
// 2. wasm-bindgen binds the main module (keeping the exports the parts link against);
// 3. in release, wasm-opt -Oz shrinks every module;
// 4. the files replace Trunk's under Trunk's hashed name (the parts as `<name>-<part>.wasm`, the
//    fetching script as `<name>-split.js`), so a new build never meets an old part in a cache.
//
// A module built without the `split` feature has nothing to split and is left as Trunk made it.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR ?? "dist";
const profile = process.env.TRUNK_PROFILE === "release" ? "release" : "debug";
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, "target");
const crate = "cert-center";

const js = readdirSync(staging).find((f) => new RegExp(`^${crate}-[0-9a-f]+\\.js$`).test(f));
if (!js) {
  console.error(`split: no ${crate}-<hash>.js in ${staging}`);
  process.exit(1);
}
const name = js.slice(0, -3);
if (!readFileSync(join(staging, js), "utf8").includes("__wasm_split")) {
  console.log("split: the module has no split points (built without the `split` feature)");
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "split-"));
const run = (tool, args) => execFileSync(tool, args, { stdio: ["ignore", "ignore", "inherit"] });
try {
  const raw = join(targetDir, "wasm32-unknown-unknown", profile, `${crate}.wasm`);
  run("wasm-split-cli", [raw, work, "--target", "web", "--out-name", name]);
  const bound = join(work, "bound");
  run("wasm-bindgen", [
    "--target", "web", "--keep-lld-exports", "--no-demangle",
    "--out-dir", bound, "--out-name", name, join(work, `${name}.wasm`),
  ]);
  const parts = readdirSync(work).filter((f) => /^(chunk|split)_.*\.wasm$/.test(f));
  const files = [[join(bound, `${name}_bg.wasm`), `${name}_bg.wasm`]].concat(
    parts.map((part) => [join(work, part), `${name}-${part}`]),
  );
  for (const [from, to] of files) {
    if (profile === "release") {
      run("wasm-opt", [
        "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
        "--enable-mutable-globals", from, "-o", join(staging, to),
      ]);
    } else {
      copyFileSync(from, join(staging, to));
    }
  }
  // The bound script imports the fetching script by the name the split gave it (which stays the
  // module's import name inside the WebAssembly).
  const loader = `${name}-split.js`;
  const main = readFileSync(join(bound, `${name}.js`), "utf8");
  const from = ' from "./__wasm_split.js"';
  if (!main.includes(from)) throw new Error("the bound script does not import ./__wasm_split.js");
  writeFileSync(join(staging, js), main.replaceAll(from, ` from "./${loader}"`));
  let fetching = readFileSync(join(work, "__wasm_split.js"), "utf8");
  for (const part of parts) fetching = fetching.replaceAll(`"./${part}"`, `"./${name}-${part}"`);
  writeFileSync(join(staging, loader), fetching);
  console.log(`split: ${name} into the main module and ${parts.length} parts`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
