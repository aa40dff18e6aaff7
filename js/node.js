// marcheck in Node (the "node" export condition of the package, pkg/marcheck.node.js): the same
// module as the browser entry, with the WebAssembly read from disk and instantiated synchronously
// when it is imported, so `import { validate } from "marcheck"` works with no init step.
// `await init()` stays harmless here: the core is already initialised, it resolves at once.
// Bundlers never see this file: a browser build resolves the "default" condition (marcheck.js).
import { readFileSync } from "node:fs";
import { initSync } from "./marcheck.js";

initSync({ module: readFileSync(new URL("./marcheck_bg.wasm", import.meta.url)) });

export * from "./marcheck.js";
export { default } from "./marcheck.js";
