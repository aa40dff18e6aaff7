import adapter from "@sveltejs/adapter-node";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// Nothing for marcheck: the client build emits marcheck_bg.wasm from the package's
// `new URL("./marcheck_bg.wasm", import.meta.url)`, and the server bundle carries the core
// inlined in the package's Node entry (marcheck is a devDependency, so adapter-node bundles it).
export default defineConfig({ plugins: [sveltekit({ adapter: adapter() })] });
