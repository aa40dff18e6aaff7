// marcheck in Node (the "node" export condition of the package, pkg/marcheck.node.js): the same
// module as the browser entry, with the WebAssembly instantiated synchronously when it is
// imported, so `import { validate } from "marcheck"` works with no init step.
// `await init()` stays harmless here: the core is already initialised, it resolves at once.
//
// The .wasm is inlined into this module when it is built (scripts/build.sh: esbuild's binary
// loader turns the import below into the bytes, base64 in the file), not read from disk beside
// it: a server bundle (SvelteKit's adapter-node with marcheck as a devDependency, esbuild or
// webpack for Node) moves this module into its own output and never copies a file the module
// reads by path, so a read of `new URL("./marcheck_bg.wasm", import.meta.url)` answered ENOENT
// there. Browser builds never see this file: they resolve the "default" condition (marcheck.js),
// which fetches the .wasm by URL.
import wasm from "./marcheck_bg.wasm";
import { initSync } from "./marcheck.js";

initSync({ module: wasm });

export * from "./marcheck.js";
export { default } from "./marcheck.js";
