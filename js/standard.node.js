// marcheck/standard in Node (the "node" export condition): initialises the core from disk first
// (./marcheck.node.js), then is exactly ./standard.js, already ready. Kept apart so that
// standard.js itself imports nothing from node:* (bundlers would warn about it).
import "./marcheck.node.js";
export * from "./standard.js";
export { default } from "./standard.js";
