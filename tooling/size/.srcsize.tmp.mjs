import { build } from "esbuild";
import { existsSync } from "node:fs";
import { join } from "node:path";
const [root, entry] = process.argv.slice(2);
const plugin = { name: "ws", setup(b) { b.onResolve({ filter: /^@credchain\/[^/]+(\/.+)?$/ }, (a) => { const [, p, s] = /^@credchain\/([^/]+)(?:\/(.+))?$/.exec(a.path); const path = join(root, "packages", p, "src", `${s ?? "index"}.ts`); return existsSync(path) ? { path } : undefined; }); } };
const r = await build({ stdin: { contents: entry, resolveDir: root, loader: "js" }, bundle: true, minify: true, platform: "node", format: "esm", write: false, metafile: true, logLevel: "silent", plugins: [plugin], outfile: "out.js" });
const out = Object.values(r.metafile.outputs).find(o=>o.entryPoint!==undefined) ?? Object.values(r.metafile.outputs)[0];
console.log("TOTAL", r.outputFiles.find(f=>f.path.endsWith(".js")).contents.length);
for (const [k,v] of Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log(v.bytesInOutput, k.replace(root,""));
